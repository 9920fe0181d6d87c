// Block calls: general cross-tabs, and every wrong call reported at the word
// at fault with the whole message.
#include <doctest/doctest.h>

#include "tests/report/hand_made_store.h"

using namespace yousaid;
using yousaid::testing::HandMadeStore;
using yousaid::testing::ResponseRows;

namespace {

const char* kCodebook =
    "theme transport\n  title: Transport\n  rule: bus\n"
    "theme info\n  title: Information sharing\n  rule: story\n"
    "group carers\n  title: Carers\n  when: carer = yes\n";
const char* kActions = "theme,action,owner,status\ntransport,A,B,done\ninfo,C,D,done\n";

HandMadeStore small_store() {
    ResponseRows rows;
    rows.add(3, "Online survey", "Online survey", "The bus", {{"transport", "rule", 1.0}}, {{"carers", "rule", 1.0}},
             {{"age_band", "65-74"}})
        .add(1, "Telephone", "Telephone survey", "My story", {{"info", "rule", 1.0}}, {}, {{"age_band", "16-24"}});
    return HandMadeStore(kCodebook, rows.responses);
}

}  // namespace

TEST_CASE("[crosstab ROWS COLUMNS] takes any dimension crosstab does as rows") {
    HandMadeStore store = small_store();
    report::ReportBuild build = store.build(
        "title: T\n\nsection: S\n[crosstab channel group]\n[crosstab age_band theme]\n", kActions);
    REQUIRE(build.errors.empty());
    const auto& blocks = build.document->sections[0].blocks;
    REQUIRE(blocks.size() == 2);
    const auto& by_group = std::get<report::Table>(blocks[0]);
    CHECK(by_group.caption == "Share of responses by channel, for each group");
    CHECK(by_group.header == std::vector<std::string>{"Channel", "All responses (n=4)*", "Carers (n=3)*"});
    CHECK(by_group.rows[0] == std::vector<std::string>{"Online survey", "75%", "100%"});
    CHECK(by_group.rows[1] == std::vector<std::string>{"Telephone", "25%", "0%"});
    CHECK(by_group.note.rfind("Column percentages: of the responses in each column, the share in each row.", 0) == 0);
    const auto& by_age = std::get<report::Table>(blocks[1]);
    CHECK(by_age.caption == "Share of responses by age band, for each theme");
    CHECK(by_age.header[0] == "Age band");
    CHECK(by_age.rows[0][0] == "16-24");
}

TEST_CASE("a wrong block call is an error at the word at fault, with its whole message") {
    struct Case {
        const char* call;
        int column;
        const char* message;
    };
    const Case cases[] = {
        {"[pie]", 2, "unknown block \"pie\": expected reach, themes, you-said-we-did, quotes, crosstab, method, "
                     "limitations or chart"},
        {"[reach]", 2, "[reach] takes one of channel, event or group, as in [reach channel]"},
        {"[reach theme]", 8, "[reach] takes one of channel, event or group, as in [reach channel]"},
        {"[method now]", 9, "[method] takes no arguments"},
        {"[limitations x]", 14, "[limitations] takes no arguments"},
        {"[chart method]", 8, "[method] has no chart: [chart ...] draws [themes], [reach ...] and [crosstab theme ...]"},
        {"[quotes transport]", 2, "[quotes] needs a theme and how many quotes, as in [quotes transport 3]"},
        {"[quotes transport 3 more]", 21, "[quotes] needs a theme and how many quotes, as in [quotes transport 3]"},
        {"[quotes buses 3]", 9, "unknown theme \"buses\": the codebook's themes are transport, info"},
        {"[quotes transport 0]", 19, "the number of quotes is a whole number from 1 to 10, not \"0\""},
        {"[quotes transport 11]", 19, "the number of quotes is a whole number from 1 to 10, not \"11\""},
        {"[quotes transport three]", 19, "the number of quotes is a whole number from 1 to 10, not \"three\""},
        {"[crosstab theme]", 2, "[crosstab] needs rows and columns, as in [crosstab theme channel]"},
        {"[crosstab theme chanel]", 17, "\"chanel\" is not a cross-tab dimension: expected theme, group, channel, "
                                        "event, question, polarity or an attribute (age_band, gender, ... or "
                                        "attribute:NAME)"},
        {"[crosstab attribute:shoe_size theme]", 11, "no response in the store has the attribute \"shoe_size\""},
    };
    HandMadeStore store = small_store();
    for (const Case& c : cases) {
        CAPTURE(c.call);
        report::ReportBuild build = store.build(std::string("title: T\n\nsection: S\n") + c.call + "\n", kActions);
        CHECK_FALSE(build.document);
        REQUIRE(build.errors.size() == 1);
        CHECK(build.errors[0].format() == store.dir.path("t.tmpl") + ":4:" + std::to_string(c.column) +
                                              ": error: " + c.message + "\n    " + c.call + "\n    " +
                                              std::string(c.column - 1, ' ') + "^\n");
    }
}
