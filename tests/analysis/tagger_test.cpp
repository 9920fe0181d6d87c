// The tagger on a real store: theme roll-up, synonyms in rules and search,
// composite groups, numeric ranges, and manual removals.
#include "analysis/tagger.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "analysis/batch_ingest.h"
#include "analysis/document_builder.h"
#include "analysis/model_tags.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

const char* kResponses =
    "Response ID,Event,Channel,Response,Age band,Working status,Parent under 5,Lives alone\n"
    "R1,Drop-in,Outreach,I could not see a GP for three weeks.,45-54,employed,yes,no\n"
    "R2,Drop-in,Outreach,Booking online never works.,35-44,self-employed,no,no\n"
    "R3,Drop-in,Outreach,Waited six hours in casualty with nobody.,75-84,retired,no,yes\n"
    "R4,Drop-in,Outreach,The emergency department was packed.,85+,retired,no,Yes\n"
    "R5,Drop-in,Outreach,I went to A&E twice last winter.,55-64,employed,yes,no\n"
    "R6,Drop-in,Outreach,Buses to the hospital are rare.,65-74,retired,no,no\n"
    "R7,Drop-in,Outreach,The surgery phone line is always engaged.,55-64,not working,no,yes\n"
    "R8,Drop-in,Outreach,As a single mum I feel lonely.,25-34,not working,yes,no\n"
    "R9,Drop-in,Outreach,My department at work is short of staff.,,employed,no,no\n";

const char* kCodebook =
    "synonyms: GP, doctor, surgery\n"
    "synonyms: A&E, emergency department, casualty\n"
    "theme gp-access\n  title: GP access\n  rule: doctor\n"
    "theme gp-booking\n  title: GP appointment booking\n  parent: gp-access\n  rule: booking OR appointment*\n"
    "theme urgent-care\n  title: Urgent care\n  rule: casualty\n"
    "theme transport\n  title: Transport\n  rule: bus OR buses\n"
    "group working-parents\n  title: Working parents\n  when: in-group(working) and in-group(parents)\n"
    "group working\n  title: In work\n  when: working_status in (employed, self-employed)\n"
    "group parents\n  title: Parents of under-fives\n  when: parent_under_5 = yes\n"
    "group lonely\n  title: Lonely\n  cue: lonely OR nobody\n"
    "group lonely-parents\n  title: Lonely parents\n  when: in-group(lonely) and in-group(parents)\n"
    "group older-isolated\n  title: Isolated older people\n  when: age_band >= 65 and lives_alone = yes\n";

struct Store {
    TempDir dir;
    std::string path = dir.path("store");
    Store() {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        ingest_file(db, dir.write("responses.csv", kResponses), {});
    }
    void tag(const std::string& codebook) const {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        CodebookLoad load = compile_codebook(codebook, "cb.txt", db);
        REQUIRE(load.errors.empty());
        tag_responses(db, *load.compiled);
        db.commit();
    }
    void edit(const std::string& id, const std::function<void(Response&)>& change) const {
        Xapian::WritableDatabase db = open_store_for_writing(path);
        Xapian::PostingIterator doc = db.postlist_begin(id_term("drop-in-" + id));
        REQUIRE(doc != db.postlist_end(id_term("drop-in-" + id)));
        Response response = stored_response(db.get_document(*doc));
        change(response);
        db.replace_document(*doc, DocumentBuilder(db).build(response));
        db.commit();
    }
    Response response(const std::string& id) const {
        Xapian::Database db(path);
        Xapian::PostingIterator doc = db.postlist_begin(id_term("drop-in-" + id));
        REQUIRE(doc != db.postlist_end(id_term("drop-in-" + id)));
        return stored_response(db.get_document(*doc));
    }
    // The responses (R1...) matching a search, in id order.
    std::string matching(const std::string& query) const {
        SearchOptions options;
        options.query = query;
        options.limit = 100;
        std::vector<std::string> ids;
        for (const SearchHit& hit : search(Xapian::Database(path), options).hits) ids.push_back(hit.id.substr(8));
        std::sort(ids.begin(), ids.end());
        std::string out;
        for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
        return out;
    }
};

std::string ids(const std::vector<Tag>& tags) {
    std::string out;
    for (const Tag& t : tags) out += (out.empty() ? "" : " ") + t.id;
    return out;
}

const Tag* tag(const std::vector<Tag>& tags, const std::string& id) {
    auto found = std::find_if(tags.begin(), tags.end(), [&](const Tag& t) { return t.id == id; });
    return found == tags.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("tagger: a child theme rolls up into its parent, for counts and search filters") {
    Store store;
    store.tag(kCodebook);
    const Response r2 = store.response("R2");  // "Booking online": the child's rule only
    CHECK(ids(r2.themes) == "gp-access gp-booking");
    REQUIRE(tag(r2.themes, "gp-access"));
    CHECK(tag(r2.themes, "gp-access")->source == "rule");
    CHECK(tag(r2.themes, "gp-access")->confidence == 1.0);
    CHECK(store.matching("theme:gp-access") == "R1 R2 R7");
    CHECK(store.matching("theme:gp-booking") == "R2");
    SearchOptions all;
    all.limit = 0;
    CHECK(search(Xapian::Database(store.path), all).theme_counts["gp-access"] == 3);
}

TEST_CASE("tagger: synonyms expand theme rules, single words and phrases alike") {
    Store store;
    store.tag(kCodebook);
    // `doctor` finds "GP" and "surgery"; `casualty` finds "A&E" and "emergency department".
    CHECK(store.matching("theme:gp-access") == "R1 R2 R7");
    CHECK(store.matching("theme:urgent-care") == "R3 R4 R5");
    // "department" alone is not "emergency department".
    CHECK(ids(store.response("R9").themes) == "");
}

TEST_CASE("tagger: the stored synonyms serve search, and a changed codebook replaces them") {
    Store store;
    store.tag(kCodebook);
    CHECK(store.matching("doctor") == "R1 R7");
    CHECK(store.matching("doctors") == "R1 R7");  // the stemmed form has them too
    CHECK(store.matching("GP") == "R1 R7");
    CHECK(store.matching("casualty") == "R3 R4 R5");
    CHECK(store.matching("A&E") == "R3 R4 R5");
    CHECK(store.matching("\"emergency department\"") == "R4");  // a phrase is taken as written
    CHECK(store.matching("emergency department") == "R3 R4 R5 R9");  // the words as ever, and the synonyms
    CHECK(store.matching("casualty channel:outreach") == "R3 R4 R5");
    {
        Xapian::Database db(store.path);
        std::vector<std::string> of_doctor(db.synonyms_begin("doctor"), db.synonyms_end("doctor"));
        CHECK(of_doctor == std::vector<std::string>{"Zgp", "Zsurgeri"});
        std::vector<std::string> of_casualty(db.synonyms_begin("casualty"), db.synonyms_end("casualty"));
        CHECK(of_casualty == std::vector<std::string>{"Za&e", "emergency department"});
    }

    store.tag("synonyms: GP, surgery\ntheme gp-access\n  title: GP access\n  rule: doctor\n");
    CHECK(store.matching("casualty") == "R3");
    CHECK(store.matching("doctor") == "");
    CHECK(store.matching("surgery") == "R1 R7");
    CHECK(store.matching("theme:gp-access") == "");
    Xapian::Database db(store.path);
    CHECK(db.synonym_keys_begin("a") == db.synonym_keys_end("a"));
    CHECK(db.synonym_keys_begin("doctor") == db.synonym_keys_end("doctor"));
}

TEST_CASE("tagger: composite groups, numeric ranges and cues") {
    Store store;
    store.tag(kCodebook);
    CHECK(store.matching("group:working-parents") == "R1 R5");
    CHECK(store.matching("group:older-isolated") == "R3 R4");  // 75-84 and 85+; not 65-74, not 55-64
    CHECK(store.matching("group:lonely") == "R3 R8");
    CHECK(store.matching("group:lonely-parents") == "R8");
    const Response r1 = store.response("R1");
    CHECK(ids(r1.groups) == "working-parents working parents");  // codebook order
    REQUIRE(tag(r1.groups, "working-parents"));
    CHECK(tag(r1.groups, "working-parents")->confidence == 1.0);
    const Response r8 = store.response("R8");
    REQUIRE(tag(r8.groups, "lonely"));
    CHECK(tag(r8.groups, "lonely")->confidence == kCueConfidence);
    // A composite resting on an inferred group is inferred too.
    REQUIRE(tag(r8.groups, "lonely-parents"));
    CHECK(tag(r8.groups, "lonely-parents")->confidence == kCueConfidence);
}

TEST_CASE("tagger: manual removals are honoured, and a manual child rolls up") {
    Store store;
    store.tag(kCodebook);
    store.edit("R2", [](Response& r) { r.removed_themes = {"gp-access"}; });
    store.edit("R3", [](Response& r) { r.removed_groups = {"lonely"}; });
    store.edit("R1", [](Response& r) { r.removed_groups = {"parents"}; });
    store.edit("R6", [](Response& r) { r.themes.push_back({"gp-booking", "manual", 1.0}); });
    store.tag(kCodebook);
    CHECK(ids(store.response("R2").themes) == "gp-booking");
    CHECK(ids(store.response("R3").groups) == "older-isolated");
    // R1 is out of `parents` by hand, so not in the composite either.
    CHECK(ids(store.response("R1").groups) == "working");
    const Response r6 = store.response("R6");
    CHECK(ids(r6.themes) == "gp-booking gp-access transport");
    REQUIRE(tag(r6.themes, "gp-access"));
    CHECK(tag(r6.themes, "gp-booking")->source == "manual");
    CHECK(tag(r6.themes, "gp-access")->source == "rule");

    store.edit("R2", [](Response& r) { r.removed_themes = {"gp-booking"}; });
    store.tag(kCodebook);
    CHECK(ids(store.response("R2").themes) == "");  // no child, nothing to roll up
}
