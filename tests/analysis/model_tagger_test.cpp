#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/crosstab.h"
#include "analysis/boolean_matches.h"
#include "analysis/document_builder.h"
#include "analysis/manual_coding.h"
#include "analysis/model_tagger.h"
#include "analysis/model_tags.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "analysis/store_tagging.h"
#include "analysis/tagger.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

const char* kSurvey =
    "Response ID,Event,Response\r\n"
    "R1,Survey,There was nowhere to park the car at the hospital.\r\n"
    "R2,Survey,The nurse was so kind to my dad.\r\n"
    "R3,Survey,Parking costs far too much and the nurses were lovely.\r\n"
    "R4,Survey,Nothing.\r\n";

// The codebook names the themes an analyst may code; its rules match nothing here.
const char* kCodebook =
    "codebook: test\nversion: 1\n\n"
    "theme parking\n  title: Parking\n  rule: zeppelin\n\n"
    "theme staff\n  title: Staff\n  rule: xylophone\n";

// A model of two themes learned from a few dozen wordings of each.
TextModel parking_and_staff_model() {
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
    const std::vector<std::string> parking = {"the car park was full", "parking costs too much", "no spaces to park",
                                              "paid for parking again", "could not park the car"};
    const std::vector<std::string> staff = {"the nurse was kind", "staff were caring", "lovely nurses on the ward",
                                            "the doctor listened", "kind and friendly staff"};
    const std::vector<std::string> other = {"nothing", "no comment", "not sure", "n/a", "none"};
    for (const char* opening : {"", "Honestly ", "Sadly ", "On Monday ", "As ever "}) {
        for (const std::string& p : parking) texts.push_back(opening + p), labels.push_back({"Parking"});
        for (const std::string& s : staff) texts.push_back(opening + s), labels.push_back({"staff"});
        for (const std::string& o : other) texts.push_back(opening + o), labels.push_back({});
    }
    return TextModel::train(texts, labels, TextModelSettings::standard(true));
}

Response response_of(const Xapian::Database& db, const std::string& id) {
    Xapian::PostingIterator it = db.postlist_begin(id_term(id));
    REQUIRE(it != db.postlist_end(id_term(id)));
    return stored_response(db.get_document(*it));
}

std::size_t matches(const Xapian::Database& db, const Xapian::Query& query) {
    std::size_t n = 0;
    for_each_match(db, query, [&](Xapian::docid) { ++n; });
    return n;
}

const Tag* theme(const Response& r, const std::string& id) {
    for (const Tag& t : r.themes) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("a theme model tags with confidence, leaves a response it has no theme for alone, and yields to hand codes") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
    REQUIRE(load.compiled);
    IngestOptions options;
    options.codebook = &*load.compiled;
    REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), options).landed());
    TextModel model = parking_and_staff_model();

    // The analyst says R2 is not about staff, and R1 is about staff after all.
    CodingOptions who{"analyst", "", "2026-11-22T10:00:00Z"};
    CodingRequest r1{"survey-R1", {}, "", {parse_code_argument("+staff")}, ""};
    CodingRequest r2{"survey-R2", {}, "", {parse_code_argument("-staff")}, ""};
    REQUIRE(apply_coding(db, {r1, r2}, who).errors.empty());

    ModelTagging tagged = tag_with_model(db, model);
    db.commit();
    CHECK(tagged.examined == 4);

    const Response one = response_of(db, "survey-R1");
    REQUIRE(theme(one, "parking"));
    CHECK(theme(one, "parking")->source == "model");
    CHECK(theme(one, "parking")->confidence > 0.5);
    REQUIRE(theme(one, "staff"));
    CHECK(theme(one, "staff")->source == "manual");  // the hand code stays as it was

    const Response two = response_of(db, "survey-R2");
    CHECK_FALSE(theme(two, "staff"));  // taken off by hand: never put back

    const Response three = response_of(db, "survey-R3");
    CHECK(theme(three, "parking"));
    CHECK(theme(three, "staff"));

    CHECK(response_of(db, "survey-R4").themes.empty());  // "Nothing.": no best guess in a store
    // A model's themes are in slots, not terms, and found by theme_query.
    CHECK(db.get_termfreq(std::string(schema::kThemePrefix) + "parking") == 0);
    CHECK(matches(db, theme_query(db, "parking")) == 2);
    CHECK(db.get_value_freq(schema::kModelThemesSlot) == 2);
    const Response record = response_from_json(db.get_document(*db.postlist_begin(id_term("survey-R1"))).get_data());
    CHECK_FALSE(theme(record, "parking"));
    CHECK(theme(record, "staff"));

    // Tagging again changes nothing.
    CHECK(tag_with_model(db, model).changed == 0);
}

TEST_CASE("a polarity model sets each response's polarity, searchable as polarity:, and leaves model themes be") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), IngestOptions{}).landed());
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
    for (const char* opening : {"", "Honestly ", "Sadly ", "Today "}) {
        for (const char* good : {"the nurse was so kind", "lovely caring staff", "brilliant care thank you"})
            texts.push_back(std::string(opening) + good), labels.push_back({"Positive"});
        for (const char* bad : {"nowhere to park the car", "parking costs far too much", "awful wait, rude staff"})
            texts.push_back(std::string(opening) + bad), labels.push_back({"Negative"});
    }
    TextModel model = TextModel::train(texts, labels, TextModelSettings::standard(false));
    REQUIRE(is_polarity_model(model));
    tag_with_model(db, model);
    db.commit();
    CHECK(response_of(db, "survey-R1").polarity == "negative");
    CHECK(response_of(db, "survey-R2").polarity == "positive");
    CHECK(response_of(db, "survey-R2").polarity_confidence > 0.5);
    CHECK(response_of(db, "survey-R2").themes.empty());  // a polarity model adds no theme
    CHECK(matches(db, polarity_query("positive")) >= 1);
    CHECK(db.get_termfreq(std::string(schema::kPolarityPrefix) + "positive") == 0);

    // Themes a theme model gave stay when a later run has only a polarity model.
    tag_with_model(db, parking_and_staff_model());
    db.commit();
    REQUIRE(theme(response_of(db, "survey-R1"), "parking") != nullptr);
    REQUIRE(theme(response_of(db, "survey-R2"), "staff") != nullptr);
    tag_with_model(db, model);
    db.commit();
    CHECK(theme(response_of(db, "survey-R1"), "parking") != nullptr);
    CHECK(theme(response_of(db, "survey-R2"), "staff") != nullptr);
    CHECK(response_of(db, "survey-R2").polarity == "positive");
}

TEST_CASE("models and a codebook in one run: a model's theme rolls up, each response is written once, again nothing") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    const std::string codebook_text = std::string(kCodebook) +
                                      "\ntheme getting-there\n  title: Getting there\n  rule: zeppelin\n"
                                      "\ntheme car\n  title: Car\n  parent: getting-there\n  rule: zeppelin\n";
    CodebookLoad load = compile_codebook(codebook_text, "codebook.txt", db);
    REQUIRE(load.compiled);
    IngestOptions options;
    options.codebook = &*load.compiled;
    REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), options).landed());
    CodingOptions who{"analyst", "", "2026-11-22T10:00:00Z"};
    REQUIRE(apply_coding(db, {{"survey-R1", {}, "", {parse_code_argument("+staff")}, ""}}, who).errors.empty());

    // A second theme model, whose label for the parking texts is a child theme.
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
    for (const char* opening : {"", "Honestly ", "Sadly ", "On Monday "}) {
        for (const char* car : {"nowhere to park the car", "parking costs too much", "could not park"})
            texts.push_back(std::string(opening) + car), labels.push_back({"Car"});
        for (const char* other : {"the nurse was kind", "nothing", "no comment"})
            texts.push_back(std::string(opening) + other), labels.push_back({});
    }
    const TextModel parking = parking_and_staff_model();
    const TextModel car = TextModel::train(texts, labels, TextModelSettings::standard(true));

    StoreTagging tagged = tag_store(db, {&parking, &car}, &*load.compiled);
    db.commit();
    CHECK(tagged.examined == 4);
    CHECK(tagged.changed_by_model == std::vector<int>{3, 2});  // R3 is about staff too
    CHECK(tagged.changed_by_rules == 2);  // the parent of each response's "car"
    CHECK(tagged.changed == 3);

    // In order of source: by hand, by rule, by model; both models' themes kept.
    std::vector<std::pair<std::string, std::string>> got;
    for (const Tag& t : response_of(db, "survey-R1").themes) got.emplace_back(t.id, t.source);
    CHECK(got == std::vector<std::pair<std::string, std::string>>{
                     {"staff", "manual"}, {"getting-there", "rule"}, {"parking", "model"}, {"car", "model"}});
    // Rewritten in place: the text's positions are as they were.
    Xapian::Enquire enquire(db);
    enquire.set_query(ResponseQueryParser(db).parse("\"nowhere to park\""));
    CHECK(enquire.get_mset(0, 10).get_matches_estimated() == 1);
    CHECK(db.get_termfreq(std::string(schema::kThemePrefix) + "getting-there") == 2);

    tagged = tag_store(db, {&parking, &car}, &*load.compiled);
    CHECK(tagged.changed_by_model == std::vector<int>{0, 0});
    CHECK(tagged.changed_by_rules == 0);
    CHECK(tagged.changed == 0);
}

TEST_CASE("a model's themes and polarity are searched, counted and cross-tabulated like any others") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), IngestOptions{}).landed());
    tag_with_model(db, parking_and_staff_model());
    db.commit();
    const Xapian::Database reader(dir.path("store"));

    SearchOptions options;
    options.query = "theme:parking";
    CHECK(search(reader, options).total == 2);
    options.query = "theme:parking -theme:staff";
    CHECK(search(reader, options).total == 1);
    options.query = "car theme:parking";
    const SearchResults car = search(reader, options);
    REQUIRE(car.total == 1);
    CHECK(car.hits[0].id == "survey-R1");
    CHECK(car.hits[0].themes == std::vector<std::string>{"parking"});

    const Crosstab table = crosstab(reader, Dimension::theme, Dimension::channel);
    std::map<std::string, Xapian::doccount> by_theme;
    for (std::size_t r = 0; r < table.row_keys.size(); ++r) by_theme[table.row_keys[r]] = table.counts[r][0];
    CHECK(by_theme["parking"] == 2);
    CHECK(by_theme["staff"] == 2);
    CHECK(by_theme[""] == 1);  // R4, "Nothing."
    CHECK(model_tagged_count(reader) == 3);
}

TEST_CASE("a store that kept a model's tags as terms and in the record is read as it was, and retagging moves them") {
    TempDir dir;
    Xapian::WritableDatabase db = open_store_for_writing(dir.path("store"));
    REQUIRE(ingest_file(db, dir.write("survey.csv", kSurvey), IngestOptions{}).landed());
    // R4 as an earlier version wrote it: a model's theme and polarity in the
    // record, with terms to match and no slots.
    const Xapian::docid r4 = *db.postlist_begin(id_term("survey-R4"));
    Xapian::Document doc = db.get_document(r4);
    Response old = response_from_json(doc.get_data());
    old.themes.push_back({"staff", "model", 0.75});
    old.polarity = "negative";
    old.polarity_confidence = 0.5;
    doc.set_data(to_json(old));
    for (const char* term : {"XTstaff", "XSmodel", "XPnegative"}) doc.add_boolean_term(term);
    doc.add_value(schema::kThemesSlot, "staff");
    doc.add_value(schema::kPolaritySlot, "negative");
    db.replace_document(r4, doc);
    db.commit();

    const Response read = stored_response(db.get_document(r4));
    REQUIRE(theme(read, "staff"));
    CHECK(theme(read, "staff")->confidence == 0.75);
    CHECK(read.polarity == "negative");
    CHECK(matches(db, theme_query(db, "staff")) == 1);
    CHECK(matches(db, polarity_query("negative")) == 1);
    CHECK(model_tagged_count(db) == 1);

    // The model gives "Nothing." no theme; the polarity, no model's here, stays.
    tag_with_model(db, parking_and_staff_model());
    db.commit();
    const Response moved = stored_response(db.get_document(r4));
    CHECK_FALSE(theme(moved, "staff"));
    CHECK(moved.polarity == "negative");
    CHECK(moved.polarity_confidence == 0.5);
    CHECK_FALSE(record_holds_model_tags(response_from_json(db.get_document(r4).get_data())));
    for (const char* term : {"XSmodel", "XPnegative"}) CHECK(db.get_termfreq(term) == 0);
    CHECK(db.get_termfreq("XTstaff") == 0);
    CHECK(matches(db, polarity_query("negative")) == 1);
    CHECK(model_tagged_count(db) == 3);  // R1, R2 and R3, in slots
    CHECK(tag_with_model(db, parking_and_staff_model()).changed == 0);

    // An old record's polarity, taken off as it moves, leaves no value behind.
    Xapian::Document four = db.get_document(r4);
    Response old_four = response_from_json(four.get_data());
    old_four.polarity = "negative";
    old_four.polarity_confidence = 0.5;
    four.set_data(to_json(old_four));
    four.add_boolean_term("XPnegative");
    four.add_value(schema::kPolarityConfidenceSlot, "");
    db.replace_document(r4, four);
    four = db.get_document(r4);
    Response without = old_four;
    without.polarity.clear();
    without.polarity_confidence = 0;
    DocumentBuilder(db).retag(four, old_four, without, &old_four);
    db.replace_document(r4, four);
    db.commit();
    CHECK(db.get_document(r4).get_value(schema::kPolaritySlot).empty());
    CHECK(db.get_termfreq("XPnegative") == 0);
    CHECK(stored_response(db.get_document(r4)).polarity.empty());
}

namespace {

// Every document's data, values and terms (with positions), in docid order.
std::string contents(const Xapian::Database& db) {
    std::string out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        out += std::to_string(*it) + " " + doc.get_data() + "\n";
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out += std::to_string(v.get_valueno()) + "=" + *v + "\n";
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            out += *t;
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += " " + std::to_string(*p);
            out += "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("read along its value streams, a store is tagged exactly as when each response is read whole") {
    // Two copies of one store: a response deleted (a gap in the docids), one
    // coded by hand, one holding a value in slot 11 as older stores do.
    TempDir dir;
    const std::string survey = dir.write("survey.csv", kSurvey);
    auto make = [&](const std::string& name) {
        Xapian::WritableDatabase db = open_store_for_writing(dir.path(name));
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        IngestOptions options;
        options.codebook = &*load.compiled;
        REQUIRE(ingest_file(db, survey, options).landed());
        db.delete_document(id_term("survey-R2"));
        CodingOptions who{"analyst", "", "2026-11-22T10:00:00Z"};
        REQUIRE(apply_coding(db, {{"survey-R3", {}, "", {parse_code_argument("-parking")}, ""}}, who).errors.empty());
        const Xapian::docid r4 = *db.postlist_begin(id_term("survey-R4"));
        Xapian::Document four = db.get_document(r4);
        four.add_value(11, "older facets");
        db.replace_document(r4, four);
        db.commit();
        return db;
    };
    Xapian::WritableDatabase whole = make("whole"), streams = make("streams");
    REQUIRE(contents(whole) == contents(streams));
    CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", whole);
    REQUIRE(load.compiled);
    const TextModel themes = parking_and_staff_model();
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
    for (const char* opening : {"", "Honestly ", "Sadly "}) {
        for (const char* good : {"the nurse was so kind", "lovely caring staff"})
            texts.push_back(std::string(opening) + good), labels.push_back({"Positive"});
        for (const char* bad : {"nowhere to park the car", "parking costs far too much"})
            texts.push_back(std::string(opening) + bad), labels.push_back({"Negative"});
    }
    const TextModel polarity = TextModel::train(texts, labels, TextModelSettings::standard(false));

    // Twice: the second time the model's theme slots are in the store already.
    for (int run = 0; run < 2; ++run) {
        whole.begin_transaction();
        const StoreTagging a = tag_store(whole, {&themes, &polarity}, &*load.compiled);
        whole.commit_transaction();
        streams.begin_transaction();
        const Xapian::Database reader(dir.path("streams"));
        const StoreTagging b = tag_store(streams, {&themes, &polarity}, &*load.compiled, 2, &reader);
        streams.commit_transaction();
        CHECK(a.examined == 3);
        CHECK(b.examined == a.examined);
        CHECK(b.changed == a.changed);
        CHECK(b.changed_by_model == a.changed_by_model);
        CHECK(contents(streams) == contents(whole));
    }
    const Xapian::docid r4 = *streams.postlist_begin(id_term("survey-R4"));
    CHECK(streams.get_document(r4).get_value(11) == "older facets");
    CHECK(matches(streams, polarity_query("negative")) >= 1);
}
