#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/document_builder.h"
#include "analysis/manual_coding.h"
#include "analysis/model_tagger.h"
#include "analysis/query_parser.h"
#include "analysis/schema.h"
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
    return response_from_json(db.get_document(*it).get_data());
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
    CHECK(db.get_termfreq(std::string(schema::kThemePrefix) + "parking") == 2);

    // Tagging again changes nothing.
    CHECK(tag_with_model(db, model).changed == 0);
}

TEST_CASE("a polarity model sets each response's polarity, searchable as polarity:") {
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
    CHECK(db.get_termfreq(std::string(schema::kPolarityPrefix) + "positive") >= 1);
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
