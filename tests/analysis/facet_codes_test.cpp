// The facets value: numbers the store gives each facet key once, kept in its
// metadata with the transaction that first used them, read back by search.
#include <doctest/doctest.h>

#include "analysis/facet_codes.h"
#include "analysis/schema.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

Response response(std::vector<std::string> themes, const std::string& event) {
    Response r;
    r.event = event;
    r.channel = "Online";
    for (const std::string& t : themes) r.themes.push_back({t, "rule", 1.0});
    return r;
}

std::vector<std::uint32_t> codes(const std::string& value) {
    std::vector<std::uint32_t> out;
    for_each_facet_code(value, [&](std::uint32_t code) { out.push_back(code); });
    return out;
}

}  // namespace

TEST_CASE("each key is numbered once, in order of first use, and read back with its name as first written") {
    TempDir dir;
    const std::string path = dir.path("store");
    {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        FacetCodeWriter writer(db);
        // theme:transport 0, event 1, channel 2; then theme:parking 3
        CHECK(codes(writer.value_of(response({"transport"}, "Tesco Macclesfield"))) ==
              std::vector<std::uint32_t>{0, 1, 2});
        CHECK(codes(writer.value_of(response({"parking", "transport"}, "tesco  MACCLESFIELD"))) ==
              std::vector<std::uint32_t>{3, 0, 1, 2});
        // A second writer in the same transaction (ingest tags before it commits) agrees.
        FacetCodeWriter another(db);
        CHECK(codes(another.value_of(response({"parking"}, "Online survey"))) == std::vector<std::uint32_t>{3, 4, 2});
        db.commit();
    }
    const std::vector<FacetKey> keys = facet_keys(Xapian::Database(path));
    REQUIRE(keys.size() == 5);
    CHECK(keys[0].kind == schema::kThemeFacet);
    CHECK(keys[0].key == "transport");
    CHECK(keys[1].kind == schema::kEventFacet);
    CHECK(keys[1].key == "Tesco Macclesfield");  // the slug is the key, the first spelling is shown
    CHECK(keys[4].key == "Online survey");
}

TEST_CASE("numbers past 127 take more bytes and read back whole") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    FacetCodeWriter writer(db);
    std::vector<std::string> themes;
    for (int i = 0; i < 300; ++i) themes.push_back("theme-" + std::to_string(i));
    const std::string value = writer.value_of(response(themes, "Event"));
    const std::vector<std::uint32_t> read = codes(value);
    REQUIRE(read.size() == 302);
    for (std::uint32_t i = 0; i < 302; ++i) CHECK(read[i] == i);
    CHECK(value.size() == 1 + 128 + 2 * 174);
}

TEST_CASE("a cancelled transaction forgets the numbers it gave out") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    db.begin_transaction();
    FacetCodeWriter(db).value_of(response({"transport"}, "Event"));
    db.cancel_transaction();
    CHECK(facet_keys(db).empty());
    CHECK(codes(FacetCodeWriter(db).value_of(response({"parking"}, "Event"))) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("a value not in the format, or cut short, yields nothing past the damage") {
    CHECK(codes("").empty());
    CHECK(codes("\x02\x01").empty());
    CHECK(codes(std::string("\x01\x05\x85", 3)) == std::vector<std::uint32_t>{5});
}
