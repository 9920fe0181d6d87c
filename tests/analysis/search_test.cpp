// Search beyond the query language: facets by event and channel over every
// match, paging, date order, and responses like a given one.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "analysis/batch_writer.h"
#include "analysis/facet_cache.h"
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
    auto reopen = [&] {
        ++reopened;
        return Xapian::Database(store.path);
    };
    const SearchResults two = search(db, options, StoreAccess{reopen, ""});
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
    auto reopen_after_a_commit = [&] {
        Xapian::WritableDatabase writer(store.path);
        writer.delete_document(1);  // a writer commits between the two opens
        writer.commit();
        return Xapian::Database(store.path);
    };
    const SearchResults r = search(db, options, StoreAccess{reopen_after_a_commit, ""});
    CHECK(r.total == before.total);
    CHECK(r.event_counts == before.event_counts);
}

namespace {

// The inode of the store's facets cache, 0 when there is none: a new one means
// the file was made again.
ino_t facets_cache_inode(const std::string& store) {
    struct stat st {};
    return ::stat((store + "/facets.cache").c_str(), &st) == 0 ? st.st_ino : 0;
}

void check_same_counts(const SearchResults& a, const SearchResults& b) {
    CHECK(a.total == b.total);
    CHECK(a.event_counts == b.event_counts);
    CHECK(a.channel_counts == b.channel_counts);
    CHECK(a.theme_counts == b.theme_counts);
    CHECK(a.group_counts == b.group_counts);
    CHECK(ids(a) == ids(b));
}

}  // namespace

TEST_CASE("the facets cache: made by a search, used by the next, made again once the store changes") {
    Store store;
    SearchOptions options;
    options.query = "hospital OR bus OR drivers";
    int reopened = 0;
    auto reopen = [&] {
        ++reopened;
        return Xapian::Database(store.path);
    };
    const StoreAccess access{reopen, store.path};
    auto cached = [&] { return search(Xapian::Database(store.path), options, access); };

    REQUIRE(facets_cache_inode(store.path) == 0);
    const SearchResults first = cached();
    CHECK(reopened == 1);  // one handle to match and count: the cache gives the facets
    check_same_counts(first, store.run(options));
    const ino_t made = facets_cache_inode(store.path);
    REQUIRE(made != 0);
    struct stat st {};
    REQUIRE(::stat((store.path + "/facets.cache").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    check_same_counts(cached(), first);
    CHECK(facets_cache_inode(store.path) == made);  // current: read, not made again
    const std::string old_cache = store.dir.path("facets.cache.earlier");
    std::filesystem::copy_file(store.path + "/facets.cache", old_cache);

    // A response's facets change and another goes: the cache is stale.
    {
        Xapian::WritableDatabase writer(store.path);
        Xapian::Document doc = writer.get_document(1);  // "a", at Tesco Macclesfield
        doc.add_value(schema::kFacetsSlot, writer.get_document(6).get_value(schema::kFacetsSlot));
        writer.replace_document(1, doc);
        writer.delete_document(4);
        writer.commit();
    }
    const SearchResults changed = cached();
    check_same_counts(changed, store.run(options));
    CHECK(changed.event_counts.at("Congleton panel") == 3);
    CHECK(facets_cache_inode(store.path) != made);

    // A cache of an earlier revision, or a cut-short one, is never used.
    std::filesystem::rename(old_cache, store.path + "/facets.cache");
    check_same_counts(cached(), changed);
    std::filesystem::resize_file(store.path + "/facets.cache", 100);
    check_same_counts(cached(), changed);
    CHECK(std::filesystem::file_size(store.path + "/facets.cache") > 100);  // made again
}

TEST_CASE("a writer brings the facets cache up to date after its commit, and leaves no temporary file") {
    Store store;
    SearchOptions options;
    options.query = "bus";
    {
        Xapian::WritableDatabase writer(store.path);
        writer.delete_document(1);
        writer.commit();
        std::ofstream(store.path + "/facets.cache.Ab12Cd") << "left by a killed run";
        refresh_facet_cache(writer, store.path);
    }
    const ino_t refreshed = facets_cache_inode(store.path);
    REQUIRE(refreshed != 0);
    CHECK_FALSE(std::filesystem::exists(store.path + "/facets.cache.Ab12Cd"));
    const SearchResults r = search(Xapian::Database(store.path), options, StoreAccess{{}, store.path});
    CHECK(facets_cache_inode(store.path) == refreshed);
    check_same_counts(r, store.run(options));
    CHECK(r.total == 3);
}
