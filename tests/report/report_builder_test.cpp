#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/manual_coding.h"
#include "analysis/store.h"
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
    "group carers\n  title: Carers\n  when: carer = yes\n";
const char* kActions = "theme,action,owner,status\ntransport-rural,Reviewed community transport,Council,in progress\n";

struct Fixture {
    TempDir dir;
    std::string store = dir.path("store");
    Fixture() {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        ingest_file(db, dir.write("survey.csv", kSurvey), tagging_with(*load.compiled));
    }
    report::ReportBuild build(const std::string& template_text) {
        return report::build_report(Xapian::Database(store), {dir.write("t.tmpl", template_text),
                                                              dir.write("actions.csv", kActions), ""});
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
    CHECK(transport.quotes[0].attribution == "Carer — Telephone survey, June 2014");
    CHECK(transport.action == "Reviewed community transport");
    CHECK(transport.status == "in progress");
    // Information sharing has no action: drawn with none, and the user is told.
    CHECK(std::get<report::ThemeStatement>(doc.sections[1].blocks[1]).action.empty());
    REQUIRE(build.warnings.size() == 1);
    CHECK(build.warnings[0] == "no action is recorded for theme \"information-sharing\" (Information sharing)");
}

TEST_CASE("report builder reports unknown blocks and placeholders at their place") {
    Fixture f;
    report::ReportBuild build = f.build("title: T\n\nsection: S\nWe heard {{respondants}}.\n\n[pie chart]\n");
    CHECK_FALSE(build.document);
    REQUIRE(build.errors.size() == 2);
    CHECK(build.errors[0].headline() ==
          f.dir.path("t.tmpl") + ":4:1: error: unknown placeholder {{respondants}}: expected one of channels, "
                                 "coding_note, events, first_date, groups, last_date, programme, rejected, responses, "
                                 "themes, "
                                 "untagged");
    CHECK(build.errors[1].format() ==
          f.dir.path("t.tmpl") + ":6:1: error: unknown block: expected [reach channel|event|group], [themes], "
                                 "[you-said-we-did] or [crosstab theme group|channel|event]\n"
                                 "    [pie chart]\n"
                                 "    ^\n");
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
