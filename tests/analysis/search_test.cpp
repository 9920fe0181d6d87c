// Search beyond the query language: facets by event and channel over every
// match, paging, date order, and responses like a given one.
#include <doctest/doctest.h>

#include "analysis/batch_writer.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

Response response(const std::string& id, const std::string& event, const std::string& channel, const std::string& date,
                  const std::string& text) {
    Response r;
    r.id = id;
    r.batch = "b1";
    r.event = event;
    r.channel = channel;
    r.date = date;
    r.question = "What could be better?";
    r.original_text = r.redacted_text = text;
    return r;
}

struct Store {
    TempDir dir;
    std::string path = dir.path("store");

    Store() {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        BatchRecord record;
        record.id = "b1";
        BatchWriter writer(db, record);
        const std::vector<Response> all = {
            response("a", "Tesco Macclesfield", "Face-to-face", "2014-06-07", "The bus to the hospital is too slow."),
            response("b", "Tesco Macclesfield", "Face-to-face", "2014-06-09", "No bus on Sundays to the surgery."),
            response("c", "Online survey", "Online", "2014-06-21", "The bus driver helped me with the pram."),
            response("d", "Online survey", "Online", "2014-06-02", "A bus pass would help me get to the hospital."),
            response("e", "Online survey", "Online", "2014-07-01", "Parking at the hospital costs too much."),
            response("f", "Congleton panel", "Stakeholder panel", "2014-05-21",
                     "Volunteer drivers take patients to hospital appointments in the villages."),
            response("g", "Congleton panel", "Stakeholder panel", "2014-05-21",
                     "Volunteer drivers from the villages take people to hospital appointments."),
        };
        for (const Response& r : all) writer.put(r);
        writer.commit();
    }
    SearchResults run(SearchOptions options) const { return search(Xapian::Database(path), options); }
};

std::vector<std::string> ids(const SearchResults& r) {
    std::vector<std::string> out;
    for (const SearchHit& h : r.hits) out.push_back(h.id);
    return out;
}

}  // namespace

TEST_CASE("facets count every match by event and channel, exactly, beyond the hits shown") {
    Store store;
    SearchOptions options;
    options.query = "bus";
    options.limit = 1;
    SearchResults r = store.run(options);
    CHECK(r.total == 4);
    CHECK(r.hits.size() == 1);
    CHECK(r.event_counts == std::map<std::string, Xapian::doccount>{{"Tesco Macclesfield", 2}, {"Online survey", 2}});
    CHECK(r.channel_counts == std::map<std::string, Xapian::doccount>{{"Face-to-face", 2}, {"Online", 2}});
}

TEST_CASE("pages and date order") {
    Store store;
    SearchOptions options;
    options.query = "bus";
    options.order = SearchOrder::newest;
    options.limit = 10;
    CHECK(ids(store.run(options)) == std::vector<std::string>{"c", "b", "a", "d"});
    options.order = SearchOrder::oldest;
    CHECK(ids(store.run(options)) == std::vector<std::string>{"d", "a", "b", "c"});
    options.offset = 1;
    options.limit = 2;
    SearchResults page = store.run(options);
    CHECK(ids(page) == std::vector<std::string>{"a", "b"});
    CHECK(page.total == 4);  // the whole count, whatever the page
}

TEST_CASE("responses like one: its near twin first, never itself; a query filters them") {
    Store store;
    SearchOptions options;
    options.similar_to = "b1-f";
    options.limit = 3;
    CHECK_THROWS_AS(store.run(options), QueryError);  // ids are the store's, as search prints them
    options.similar_to = "f";
    SearchResults r = store.run(options);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].id == "g");
    for (const SearchHit& h : r.hits) CHECK(h.id != "f");
    options.query = "channel:online";
    for (const SearchHit& h : store.run(options).hits) CHECK(h.channel == "Online");
    options.similar_to = "nobody";
    CHECK_THROWS_WITH(store.run(options), "no response \"nobody\" in the store (search prints ids)");
}

TEST_CASE("a store written before the one facets value counts the same from its separate slots") {
    Store store;
    SearchOptions options;
    options.query = "hospital OR bus";
    const SearchResults now = store.run(options);
    {
        Xapian::WritableDatabase db(store.path);
        for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
            Xapian::Document doc = db.get_document(d);
            doc.remove_value(schema::kFacetsSlot);
            db.replace_document(d, doc);
        }
        db.commit();
        REQUIRE(db.get_value_freq(schema::kFacetsSlot) == 0);
    }
    const SearchResults before = store.run(options);
    CHECK(before.total == now.total);
    CHECK(before.event_counts == now.event_counts);
    CHECK(before.channel_counts == now.channel_counts);
    CHECK(before.theme_counts == now.theme_counts);
    CHECK(now.event_counts.at("Online survey") == 3);
}

TEST_CASE("a count on handles of its own, beside the ranking, agrees with one thread's count and ranking") {
    Store store;
    SearchOptions options;
    options.query = "hospital OR bus OR drivers";
    options.limit = 2;
    const SearchResults one = store.run(options);
    int reopened = 0;
    const Xapian::Database db(store.path);
    const SearchResults two = search(db, options, [&] {
        ++reopened;
        return Xapian::Database(store.path);
    });
    CHECK(reopened == 3);  // one to match and count, two to read facets
    CHECK(two.total == one.total);
    CHECK(two.event_counts == one.event_counts);
    CHECK(two.channel_counts == one.channel_counts);
    CHECK(two.theme_counts == one.theme_counts);
    CHECK(ids(two) == ids(one));
    REQUIRE(two.hits.size() == one.hits.size());
    for (std::size_t i = 0; i < one.hits.size(); ++i) CHECK(two.hits[i].percent == one.hits[i].percent);
    CHECK(one.event_counts.at("Congleton panel") == 2);
}

TEST_CASE("a second handle on a newer revision is not used: the counts stay those of the first") {
    Store store;
    SearchOptions options;
    options.query = "bus";
    const Xapian::Database db(store.path);  // the store as it was
    const SearchResults before = search(db, options);
    const SearchResults r = search(db, options, [&] {
        Xapian::WritableDatabase writer(store.path);
        writer.delete_document(1);  // a writer commits between the two opens
        writer.commit();
        return Xapian::Database(store.path);
    });
    CHECK(r.total == before.total);
    CHECK(r.event_counts == before.event_counts);
}
