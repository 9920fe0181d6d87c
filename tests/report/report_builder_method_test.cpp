// [method], [limitations] and {{respondents}}: what the report says about how
// it was made, from the store's own figures.
#include <doctest/doctest.h>

#include "analysis/store_summary.h"
#include "tests/report/hand_made_store.h"

using namespace yousaid;
using yousaid::testing::HandMadeStore;
using yousaid::testing::ResponseRows;

namespace {

const char* kCodebook =
    "theme transport\n  title: Transport\n  rule: bus\n"
    "theme info\n  title: Information sharing\n  rule: story\n"
    "group carers\n  title: Carers\n  label: Carer\n  when: carer = yes\n"
    "group young\n  title: Young people\n  when: age_band = 16-24\n";
const char* kActions = "theme,action,owner,status\ntransport,A,B,done\ninfo,C,D,done\n";

// Eight responses: a campaign of three (counted once), one person's answers to
// two questions, and themes from the rules, by hand and from a model.
HandMadeStore coded_store() {
    ResponseRows rows;
    const std::vector<Tag> bus = {{"transport", "rule", 1.0}};
    rows.add(3, "Online survey", "Online survey", "Keep the bus", bus);  // r1-r3
    for (int i = 0; i < 3; ++i) rows.responses[i].campaign = "r1";
    rows.add(1, "Online survey", "Online survey", "No bus", bus, {{"carers", "rule", 1.0}});  // r4
    rows.add(1, "Online survey", "Online survey", "They lost my notes", {{"info", "manual", 1.0}});  // r5
    rows.responses[3].respondent = rows.responses[4].respondent = "p1";
    rows.add(1, "Online survey", "Online survey", "Nobody had my records", {{"info", "model", 0.8}});  // r6
    rows.add(1, "Telephone", "Telephone survey", "Bins", {});  // r7
    rows.add(1, "Online survey", "Online survey", "Bus and my story",
             {{"transport", "rule", 1.0}, {"info", "manual", 1.0}});  // r8
    BatchRecord record;
    record.rejected = 2;
    record.redactions.names = 2;
    record.redactions.phone_numbers = 1;
    return HandMadeStore(kCodebook, rows.responses, record);
}

std::vector<std::string> paragraphs(const report::ReportBuild& build) {
    REQUIRE(build.document);
    std::vector<std::string> out;
    for (const report::Block& b : build.document->sections[0].blocks) out.push_back(std::get<report::Paragraph>(b).text);
    return out;
}

}  // namespace

TEST_CASE("{{respondents}} counts people, a campaign once, as crosstab --unit respondents does") {
    HandMadeStore store = coded_store();
    report::ReportBuild build =
        store.build("title: T\n\nsection: S\n{{responses}} responses, {{counted}} counted, {{respondents}} people.\n",
                    kActions);
    CHECK(paragraphs(build) == std::vector<std::string>{"8 responses, 6 counted, 5 people."});
    CHECK(count_respondents(Xapian::Database(store.path)) == 5);
    CHECK(count_respondents(Xapian::Database(store.path), true) == 7);
}

TEST_CASE("[method] gives what was received and how it was coded, in figures that add up") {
    HandMadeStore store = coded_store();
    const std::vector<std::string> expected = {
        "In all we received eight responses between 1 July 2014 and 8 July 2014, through two channels and at two "
        "events. Of these, three were identical or near-identical submissions from one campaign, which is counted "
        "once, so the figures in this report rest on six responses. They came from five people, as some people "
        "answered more than one question. Before anyone read them, two names and one telephone number were taken "
        "out. A further two rows could not be read and are not counted; each is kept, with the reason, for checking.",
        "Of the six responses counted, the written rules alone coded two; the team read two in full and coded them "
        "by hand (codes given by hand always come first); in one more, a model that learned from the hand-coded "
        "responses found themes the rules had missed; and one (17%) matched no theme and was read by the team "
        "separately."};
    CHECK(paragraphs(store.build("title: T\n\nsection: S\n[method]\n", kActions)) == expected);
    // With the default threshold, a share of six responses is not printed.
    CHECK(paragraphs(store.build("title: T\n\nsection: S\n[method]\n", kActions, "", 10))[1].find("(17%)") ==
          std::string::npos);
}

TEST_CASE("[limitations] gives the threshold, the groups heard from least, and the lack of population figures") {
    HandMadeStore store = coded_store();
    CHECK(paragraphs(store.build("title: T\n\nsection: S\n[limitations]\n", kActions, "", 10)) ==
          std::vector<std::string>{
              "A percentage of fewer than 10 responses is not shown (it is marked \u2013): so few responses could "
              "point to the people who gave them, and say little about anyone else. Percentages of fewer than 30 "
              "responses are marked * and should be read with caution. We heard fewer than 30 responses from carers "
              "(1). We heard nothing from young people.",
              "We had no population figures to compare the groups we heard from with, so we cannot say which are "
              "under-represented."});
    CHECK(paragraphs(store.build("title: T\n\nsection: S\n[limitations]\n", kActions, "", 0))[0].rfind(
              "Every percentage is shown, however few responses it rests on; those of fewer than 30 are marked *", 0) ==
          0);
}

TEST_CASE("[limitations] names the groups under-represented against the population") {
    ResponseRows rows;
    const std::vector<Tag> bus = {{"transport", "rule", 1.0}};
    rows.add(50, "Online survey", "Online survey", "The bus", bus, {{"carers", "rule", 1.0}})
        .add(10, "Online survey", "Online survey", "The bus", bus, {{"young", "rule", 1.0}});
    HandMadeStore store(kCodebook, rows.responses);
    const std::string population = "group,population_share,note\ncarers,0.8,census\nyoung,0.6,census\n";
    std::vector<std::string> text = paragraphs(store.build("title: T\n\nsection: S\n[limitations]\n", kActions,
                                                           population, 10));
    REQUIRE(text.size() == 2);
    CHECK(text[1] == "Compared with the population, young people (17% of the people we heard from, against about 60% "
                     "of the population) are under-represented among the people we heard from: their views carry less "
                     "weight in these figures than their share of the population would give them.");
    const std::string fair = "group,population_share,note\ncarers,0.8,census\nyoung,0.2,census\n";
    CHECK(paragraphs(store.build("title: T\n\nsection: S\n[limitations]\n", kActions, fair, 10))[1] ==
          "Compared with the population, no group we have figures for was under-represented among the people we "
          "heard from by more than chance would explain.");
}
