// A response's polarity in the store: its JSON record, the polarity: filter
// and facet of search, and polarity as a cross-tab dimension.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analysis/batch_writer.h"
#include "analysis/boolean_matches.h"
#include "analysis/crosstab.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

Response response(const std::string& id, const std::string& polarity, std::vector<std::string> themes) {
    Response r;
    r.id = id;
    r.batch = "b1";
    r.channel = "Online";
    r.event = "Survey";
    r.question = "What could be better?";
    r.original_text = r.redacted_text = "response " + id;
    for (const std::string& t : themes) r.themes.push_back({t, "rule", 1.0});
    r.polarity = polarity;
    r.polarity_confidence = polarity.empty() ? 0 : 0.75;
    return r;
}

// Positive 3, mixed 2, negative 4 and one not known: counted largest first,
// the columns would come negative, positive, mixed.
std::vector<Response> responses() {
    return {response("p1", "positive", {"staff"}),           response("p2", "positive", {"staff"}),
            response("p3", "positive", {"staff"}),           response("m1", "mixed", {"staff", "waiting"}),
            response("m2", "mixed", {"staff", "waiting"}),   response("n1", "negative", {"waiting"}),
            response("n2", "negative", {"waiting"}),         response("n3", "negative", {"waiting", "staff"}),
            response("n4", "negative", {"waiting", "staff"}), response("u1", "", {"waiting"})};
}

struct Store {
    TempDir dir;
    std::string path = dir.path("store");

    explicit Store(const std::vector<Response>& responses) {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        BatchRecord record;
        record.id = "b1";
        BatchWriter writer(db, record);
        for (const Response& r : responses) writer.put(r);
        writer.commit();
    }
    Xapian::Database db() const { return Xapian::Database(path); }
};

std::vector<std::string> ids_of(const SearchResults& results) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : results.hits) ids.push_back(hit.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

SearchResults search_for(const Xapian::Database& db, const std::string& query) {
    SearchOptions options;
    options.query = query;
    options.limit = 100;
    return search(db, options);
}

std::size_t matches(const Xapian::Database& db, const Xapian::Query& query) {
    std::size_t n = 0;
    for_each_match(db, query, [&](Xapian::docid) { ++n; });
    return n;
}

using Counts = std::map<std::string, Xapian::doccount>;

}  // namespace

TEST_CASE("polarity is in the JSON record only when known, and read back") {
    Response with = response("n1", "negative", {"waiting"});
    nlohmann::json written = nlohmann::json::parse(to_json(with));
    CHECK(written.at("polarity") == "negative");
    CHECK(written.at("polarity_confidence") == 0.75);
    Response read = response_from_json(to_json(with));
    CHECK(read.polarity == "negative");
    CHECK(read.polarity_confidence == 0.75);

    Response without = response("u1", "", {"waiting"});
    written = nlohmann::json::parse(to_json(without));
    CHECK_FALSE(written.contains("polarity"));
    CHECK_FALSE(written.contains("polarity_confidence"));
    read = response_from_json(to_json(without));
    CHECK(read.polarity.empty());
    CHECK(read.polarity_confidence == 0);

    // A tag, not input: setting it does not make re-ingesting change anything.
    CHECK(with.content_hash() == response("n1", "", {"waiting"}).content_hash());
}

TEST_CASE("the store keeps polarity in value slots, not in terms or the record, and reads it back") {
    Store store(responses());
    Xapian::Database db = store.db();
    CHECK(matches(db, polarity_query("positive")) == 3);
    CHECK(matches(db, polarity_query("mixed")) == 2);
    CHECK(matches(db, polarity_query("negative")) == 4);
    CHECK(db.allterms_begin(schema::kPolarityPrefix) == db.allterms_end(schema::kPolarityPrefix));
    CHECK(db.get_value_freq(schema::kPolaritySlot) == 9);
    Xapian::Document n1 = db.get_document(*db.postlist_begin("Qn1"));
    CHECK(n1.get_value(schema::kPolaritySlot) == "negative");
    CHECK(response_from_json(n1.get_data()).polarity.empty());
    CHECK(stored_response(n1).polarity == "negative");
}

TEST_CASE("search: polarity: filters, -polarity: excludes, and the facet counts every match") {
    Store store(responses());
    Xapian::Database db = store.db();

    SearchResults negative = search_for(db, "polarity:negative");
    CHECK(negative.total == 4);
    CHECK(ids_of(negative) == std::vector<std::string>{"n1", "n2", "n3", "n4"});
    CHECK(negative.polarity_counts == Counts{{"negative", 4}});
    REQUIRE_FALSE(negative.hits.empty());
    CHECK(negative.hits[0].polarity == "negative");
    CHECK(search_for(db, "polarity:Negative").total == 4);  // matched as a slug, like channel:

    SearchResults not_positive = search_for(db, "-polarity:positive");
    CHECK(ids_of(not_positive) == std::vector<std::string>{"m1", "m2", "n1", "n2", "n3", "n4", "u1"});

    SearchResults all = search_for(db, "");
    CHECK(all.has_polarity);
    CHECK(all.polarity_counts == Counts{{"positive", 3}, {"mixed", 2}, {"negative", 4}});

    SearchResults staff = search_for(db, "theme:staff");
    CHECK(staff.total == 7);
    CHECK(staff.polarity_counts == Counts{{"positive", 3}, {"mixed", 2}, {"negative", 2}});
    SearchResults complaints = search_for(db, "theme:staff polarity:negative");
    CHECK(ids_of(complaints) == std::vector<std::string>{"n3", "n4"});

    // Values of one field are alternatives.
    CHECK(search_for(db, "polarity:mixed polarity:positive").total == 5);
}

TEST_CASE("search: a store without polarity has no polarity facet") {
    Store store({response("u1", "", {"waiting"}), response("u2", "", {"staff"})});
    SearchResults all = search_for(store.db(), "");
    CHECK_FALSE(all.has_polarity);
    CHECK(all.polarity_counts.empty());
    REQUIRE(all.hits.size() == 2);
    CHECK(all.hits[0].polarity.empty());
}

TEST_CASE("crosstab: theme by polarity in positive, mixed, negative, not given order") {
    REQUIRE(parse_dimension("polarity") == Dimension::polarity);
    CHECK(dimension_name(Dimension::polarity) == "polarity");
    REQUIRE(parse_axis("polarity"));

    Store store(responses());
    Crosstab t = crosstab(store.db(), Dimension::theme, *parse_axis("polarity"));
    CHECK(t.column_keys == std::vector<std::string>{"", "positive", "mixed", "negative", ""});
    CHECK(t.column_labels == std::vector<std::string>{"All responses", "Positive", "Mixed", "Negative", "(not given)"});
    CHECK(t.bases == std::vector<Xapian::doccount>{10, 3, 2, 4, 1});
    REQUIRE(t.row_keys == std::vector<std::string>{"staff", "waiting"});  // 7 each, so in id order
    CHECK(t.counts[0] == std::vector<Xapian::doccount>{7, 3, 2, 2, 0});
    CHECK(t.counts[1] == std::vector<Xapian::doccount>{7, 0, 2, 4, 1});
}

TEST_CASE("crosstab: polarity as rows, one per response") {
    Store store(responses());
    Crosstab t = crosstab(store.db(), Dimension::polarity, Dimension::channel);
    CHECK(t.row_labels == std::vector<std::string>{"Positive", "Mixed", "Negative", "(not given)"});
    CHECK(t.counts == std::vector<std::vector<Xapian::doccount>>{{3, 3}, {2, 2}, {4, 4}, {1, 1}});
}
