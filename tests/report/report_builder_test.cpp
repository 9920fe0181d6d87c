#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/manual_coding.h"
#include "analysis/store.h"
#include "ingest/response.h"
#include "report/report_builder.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

IngestOptions tagging_with(const CompiledCodebook& codebook) {
    IngestOptions options;
    options.codebook = &codebook;
    return options;
}

const char* kSurvey =
    "id,date,channel,event,text,carer\n"
    "1,2014-06-03,Telephone,Telephone survey,The bus only comes twice a week and a taxi costs £12 each way.,yes\n"
    "2,2014-06-04,Telephone,Telephone survey,I had to tell my story six times to six different people.,no\n"
    "3,2014-07-01,Outreach,Youth club,Nothing to add.,no\n";
const char* kCodebook =
    "theme transport-rural\n  title: Transport and rural access\n  rule: bus OR taxi\n"
    "theme information-sharing\n  title: Information sharing\n  rule: \"my story\"\n"
    "group carers\n  title: Carers\n  label: Carer\n  when: carer = yes\n";
const char* kActions = "theme,action,owner,status\ntransport-rural,Reviewed community transport,Council,in progress\n";

struct Fixture {
    TempDir dir;
    std::string store = dir.path("store");
    std::string actions = kActions;
    // Three responses are under the suppression threshold, so builds print
    // every percentage (min_base 0) unless a test says otherwise.
    Xapian::doccount min_base = 0;
    explicit Fixture(const std::string& survey = kSurvey) {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        ingest_file(db, dir.write("survey.csv", survey), tagging_with(*load.compiled));
    }
    report::ReportBuild build(const std::string& template_text) {
        report::ReportInputs inputs{dir.write("t.tmpl", template_text), dir.write("actions.csv", actions), ""};
        inputs.min_base = min_base;
        return report::build_report(Xapian::Database(store), inputs);
    }
};

}  // namespace

TEST_CASE("report builder fills placeholders and blocks from the store") {
    Fixture f;
    report::ReportBuild build = f.build(
        "title: Test report\n\nsection: Who\nWe heard {{responses}} responses between {{first_date}} and "
        "{{last_date}}.\n[reach channel]\n\nsection: You said\n[you-said-we-did]\n");
    REQUIRE(build.errors.empty());
    REQUIRE(build.document);
    const report::ReportDocument& doc = *build.document;
    CHECK(doc.title == "Test report");
    REQUIRE(doc.sections.size() == 2);
    CHECK(std::get<report::Paragraph>(doc.sections[0].blocks[0]).text ==
          "We heard 3 responses between 3 June 2014 and 1 July 2014.");
    const auto& reach = std::get<report::Table>(doc.sections[0].blocks[1]);
    CHECK(reach.rows.front() == std::vector<std::string>{"Telephone", "2", "67%"});
    CHECK(reach.rows.back() == std::vector<std::string>{"All responses", "3", "100%"});

    REQUIRE(doc.sections[1].blocks.size() == 2);  // one statement per theme raised
    const auto& transport = std::get<report::ThemeStatement>(doc.sections[1].blocks[0]);
    CHECK(transport.title == "Transport and rural access");
    CHECK(transport.summary.rfind("1 response (33% of all) raised this.", 0) == 0);
    REQUIRE(transport.quotes.size() == 1);
    CHECK(transport.quotes[0].text == "The bus only comes twice a week and a taxi costs £12 each way.");
    CHECK(transport.quotes[0].attribution == "Carer, telephone survey, June 2014");
    CHECK(transport.action == "Reviewed community transport");
    CHECK(transport.status == "in progress");
    // Information sharing has no action: drawn with none, and the user is told.
    CHECK(std::get<report::ThemeStatement>(doc.sections[1].blocks[1]).action.empty());
    REQUIRE(build.warnings.size() == 1);
    CHECK(build.warnings[0] == "no action is recorded for theme \"information-sharing\" (Information sharing)");
}

TEST_CASE("report builder reports unknown blocks and placeholders at their place") {
    Fixture f;
    report::ReportBuild build =
        f.build("title: T {{programm}}\n\nsection: S\nWe heard\n  from {{respondants}}.\n\n[pie chart]\n");
    CHECK_FALSE(build.document);
    REQUIRE(build.errors.size() == 3);
    const std::string known = "expected one of channels, coding_note, counted, events, first_date, groups, last_date, "
                              "programme, rejected, respondents, responses, themes, untagged";
    CHECK(build.errors[0].format() == f.dir.path("t.tmpl") + ":1:10: error: unknown placeholder {{programm}}: " +
                                          known + "\n    title: T {{programm}}\n             ^\n");
    CHECK(build.errors[1].format() == f.dir.path("t.tmpl") + ":5:8: error: unknown placeholder {{respondants}}: " +
                                          known + "\n      from {{respondants}}.\n           ^\n");
    CHECK(build.errors[2].format() ==
          f.dir.path("t.tmpl") + ":7:2: error: unknown block \"pie\": expected reach, themes, you-said-we-did, "
                                 "quotes, crosstab, method, limitations or chart\n"
                                 "    [pie chart]\n"
                                 "     ^\n");
}

TEST_CASE("placeholders are filled in the cover fields and headings too") {
    Fixture f;
    report::ReportBuild build = f.build(
        "title: What {{respondents}} people said\nsubtitle: {{programme}}, {{first_date}}\nprogramme: Caring "
        "Together\ndate: {{last_date}}\n\nsection: {{responses}} responses\nText.\n");
    REQUIRE(build.errors.empty());
    const report::ReportDocument& doc = *build.document;
    CHECK(doc.title == "What 3 people said");
    CHECK(doc.subtitle == "Caring Together, 3 June 2014");
    CHECK(doc.date_line == "1 July 2014");
    CHECK(doc.sections[0].heading == "3 responses");
}

TEST_CASE("the coding note says what hand coding added, and nothing when there was none") {
    Fixture f;
    const std::string text = "title: T\n\nsection: Method\nRules first. {{coding_note}}\n";
    CHECK(std::get<report::Paragraph>(f.build(text).document->sections[0].blocks[0]).text == "Rules first.");
    {
        Xapian::WritableDatabase db(f.store);
        CodingRequest request{"youth-club-3", {}, "", {parse_code_argument("+information-sharing")}, ""};
        REQUIRE(apply_coding(db, {request}, {"analyst", "", "2026-11-22T10:00:00Z"}).errors.empty());
    }
    CHECK(std::get<report::Paragraph>(f.build(text).document->sections[0].blocks[0]).text ==
          "Rules first. The team also read 1 response in full and coded them by hand; codes given by hand always "
          "come first.");
}

namespace {

// Twelve telephone responses and two from outreach: the outreach column's base
// is under the suppression threshold, the telephone column's is not.
std::string survey_with_a_small_channel() {
    // Texts differ, so that none is taken for a campaign.
    const char* kTelephone[] = {
        "The bus is late every single morning.",       "I had to tell my story to four nurses.",
        "No bus on Sundays at all.",                   "Why repeat my story at every visit?",
        "A bus to the hospital would help my wife.",   "They lost my story between two wards.",
        "The village bus stopped running in May.",     "Telling my story again made me cry.",
        "Taking the bus takes two hours each way.",    "Nobody had read my story before I came.",
        "My bus pass is useless without a bus.",       "Each new doctor wants my story from scratch.",
    };
    std::string csv = "id,date,channel,event,text,carer\n";
    for (int i = 1; i <= 12; ++i) {
        csv += std::to_string(i) + ",2014-06-03,Telephone,Telephone survey," + kTelephone[i - 1] + ",no\n";
    }
    csv += "13,2014-07-01,Outreach,Youth club,The bus never comes out here.,no\n";
    csv += "14,2014-07-01,Outreach,Youth club,No bus after six.,no\n";
    return csv;
}

const char* kEveryAction =
    "theme,action,owner,status\n"
    "transport-rural,Reviewed community transport,Council,in progress\n"
    "information-sharing,Shared care record,CCG,done\n";

const char* kByChannel = "title: T\n\nsection: S\n[crosstab theme channel]\n[you-said-we-did]\n";

}  // namespace

TEST_CASE("percentages of fewer responses than the suppression threshold are shown as –, as crosstab does") {
    Fixture f(survey_with_a_small_channel());
    f.actions = kEveryAction;
    f.min_base = report::ReportInputs{}.min_base;
    CHECK(f.min_base == 10);
    report::ReportBuild build = f.build(kByChannel);
    REQUIRE(build.document);
    const auto& blocks = build.document->sections[0].blocks;
    const auto& table = std::get<report::Table>(blocks[0]);
    CHECK(table.header == std::vector<std::string>{"Theme", "All responses (n=14)*", "Telephone (n=12)*",
                                                   "Outreach (n=2)"});
    CHECK(table.rows[0] == std::vector<std::string>{"Transport and rural access", "57%", "50%", "–"});
    CHECK(table.note.find("* Fewer than 30 responses: read with caution. – Fewer than 10 responses: not shown.") !=
          std::string::npos);
    // Outreach's 100% is hidden, and telephone's 50% is below the 57% of all, so no channel is named.
    CHECK(std::get<report::ThemeStatement>(blocks[1]).summary == "8 responses (57% of all) raised this.");
    CHECK(report::publication_problems(build.facts).empty());
}

TEST_CASE("a report showing a small base is refused publication, naming each place") {
    Fixture f(survey_with_a_small_channel());
    f.actions = kEveryAction;
    f.min_base = 0;  // what --min-base 0 asks for
    report::ReportBuild build = f.build(kByChannel);
    REQUIRE(build.document);
    CHECK(std::get<report::Table>(build.document->sections[0].blocks[0]).rows[0][3] == "100%");
    const std::string why = " shows percentages of 2 responses, fewer than the 10 a published percentage needs "
                            "(--min-base 10 hides them)";
    CHECK(report::publication_problems(build.facts) ==
          std::vector<std::string>{
              "the table \"Share of responses raising each theme, by channel\", column \"Outreach\"," + why,
              "the summary of theme \"Transport and rural access\" (the Outreach channel)" + why});
}

TEST_CASE("a report whose whole base is small hides every percentage by default") {
    Fixture f;
    f.min_base = report::ReportInputs{}.min_base;
    report::ReportBuild build = f.build("title: T\n\nsection: S\n[reach channel]\n[themes]\n[you-said-we-did]\n");
    REQUIRE(build.document);
    const auto& blocks = build.document->sections[0].blocks;
    const auto& reach = std::get<report::Table>(blocks[0]);
    CHECK(reach.rows.front() == std::vector<std::string>{"Telephone", "2", "–"});
    CHECK(reach.rows.back() == std::vector<std::string>{"All responses", "3", "–"});
    CHECK(reach.note == "– Fewer than 10 responses: not shown.");
    CHECK(std::get<report::Table>(blocks[1]).note ==
          "1 response raised none of these themes; many were about other matters or too short to code. – Fewer "
          "than 10 responses: not shown.");
    CHECK(std::get<report::ThemeStatement>(blocks[2]).summary == "1 response raised this.");
    CHECK(build.facts.bases.empty());
}

TEST_CASE("a theme with no action is refused publication from --min-share up, whatever the template shows") {
    Fixture f;
    report::ReportBuild build = f.build("title: T\n\nsection: S\nNo figures here.\n");
    REQUIRE(build.document);
    REQUIRE(build.facts.themes.size() == 2);
    CHECK(build.facts.themes[0].id == "transport-rural");
    CHECK(build.facts.themes[0].has_action);
    CHECK_FALSE(build.facts.themes[1].has_action);
    const std::vector<std::string> refused = {"theme \"Information sharing\" (33% of responses) has no action in " +
                                              f.dir.path("actions.csv")};
    CHECK(report::publication_problems(build.facts) == refused);
    report::PublicationRules rules;
    rules.min_share = 34;
    CHECK(report::publication_problems(build.facts, rules).empty());
    f.actions = kEveryAction;
    CHECK(report::publication_problems(f.build("title: T\n\nsection: S\nNo figures here.\n").facts).empty());
}

TEST_CASE("a quote whose stored text still holds personal data is refused publication") {
    Fixture f;
    f.actions = kEveryAction;
    f.min_base = report::ReportInputs{}.min_base;
    const std::string you_said = "title: T\n\nsection: S\n[you-said-we-did]\n";
    CHECK(report::publication_problems(f.build(you_said).facts).empty());
    {
        // As a store redacted by an older redactor would hold it.
        Xapian::WritableDatabase db(f.store);
        Xapian::PostingIterator id = db.postlist_begin("Qtelephone-survey-1");
        REQUIRE(id != db.postlist_end("Qtelephone-survey-1"));
        Xapian::Document doc = db.get_document(*id);
        Response r = response_from_json(doc.get_data());
        r.original_text = r.redacted_text = "The bus only comes twice a week; ring me on 07700 900123.";
        doc.set_data(to_json(r));
        db.replace_document(*id, doc);
        db.commit();
    }
    report::ReportBuild build = f.build(you_said);
    REQUIRE(build.facts.quotes.size() == 2);
    CHECK(build.facts.quotes[0].text == "The bus only comes twice a week; ring me on 07700 900123.");
    CHECK(report::publication_problems(build.facts) ==
          std::vector<std::string>{"the quote from response telephone-survey-1 (theme \"Transport and rural access\") "
                                   "still holds personal data: a phone number"});
}
