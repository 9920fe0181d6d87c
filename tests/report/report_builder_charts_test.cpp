// The template's [chart ...] blocks: each is a table block's chart, followed by
// that block's table, the chart's figures being the table's own cells.
#include <doctest/doctest.h>

#include "analysis/batch_ingest.h"
#include "analysis/store.h"
#include "report/report_builder.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::TempDir;

namespace {

// Enough responses in each channel that no percentage is hidden for a small base.
std::string survey() {
    std::string csv = "id,date,channel,event,text,carer\n";
    for (int i = 1; i <= 24; ++i) {
        const bool phone = i <= 12;
        const std::string text = i % 3 == 0 ? "I had to tell my story again." : i % 3 == 1 ? "The bus is rare." : "Fine.";
        csv += std::to_string(i) + ",2014-06-03," + (phone ? "Telephone,Telephone survey," : "Online,Online survey,") +
               text + "," + (i % 2 ? "yes" : "no") + "\n";
    }
    return csv;
}

const char* kCodebook =
    "theme transport-rural\n  title: Transport and rural access\n  rule: bus\n"
    "theme information-sharing\n  title: Information sharing\n  rule: \"my story\"\n"
    "group carers\n  title: Carers\n  when: carer = yes\n"
    "group non-carers\n  title: People who are not carers\n  when: carer = no\n";
const char* kActions = "theme,action,owner,status\ntransport-rural,Reviewed community transport,Council,in progress\n"
                       "information-sharing,One record,CCG,planned\n";
const char* kPopulation = "group,population_share,note\ncarers,0.11,approximate: a test figure\n";

struct Fixture {
    TempDir dir;
    std::string store = dir.path("store");
    Fixture() {
        Xapian::WritableDatabase db = open_store_for_writing(store);
        CodebookLoad load = compile_codebook(kCodebook, "codebook.txt", db);
        REQUIRE(load.compiled);
        IngestOptions options;
        options.codebook = &*load.compiled;
        ingest_file(db, dir.write("survey.csv", survey()), options);
    }
    report::ReportBuild build(const std::string& template_text) {
        report::ReportInputs inputs;
        inputs.template_path = dir.write("t.tmpl", template_text);
        inputs.actions_path = dir.write("actions.csv", kActions);
        inputs.population_path = dir.write("population.csv", kPopulation);
        return report::build_report(Xapian::Database(store), inputs);
    }
};

const report::Chart& chart_at(const report::Section& s, std::size_t i) {
    REQUIRE(i < s.blocks.size());
    REQUIRE(std::holds_alternative<report::Chart>(s.blocks[i]));
    return std::get<report::Chart>(s.blocks[i]);
}

const report::Table& table_at(const report::Section& s, std::size_t i) {
    REQUIRE(i < s.blocks.size());
    REQUIRE(std::holds_alternative<report::Table>(s.blocks[i]));
    return std::get<report::Table>(s.blocks[i]);
}

std::vector<std::string> column(const report::Table& t, std::size_t c, std::size_t rows) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows && r < t.rows.size(); ++r) out.push_back(t.rows[r][c]);
    return out;
}

}  // namespace

TEST_CASE("a chart block draws its table's figures as a chart, with the table right after it") {
    Fixture f;
    report::ReportBuild build = f.build(
        "title: T\n\nsection: Who\n[chart reach group]\n[chart reach channel]\n\n"
        "section: What\n[chart themes]\n[themes]\n[chart crosstab theme channel]\n");
    REQUIRE(build.errors.empty());
    REQUIRE(build.document);
    const report::Section& who = build.document->sections[0];
    REQUIRE(who.blocks.size() == 4);

    // Reach by group: responses against population, "no figure" where there is none.
    const report::Chart& groups = chart_at(who, 0);
    const report::Table& group_table = table_at(who, 1);
    CHECK(group_table.caption == "Responses from seldom-heard groups");
    CHECK(groups.categories == std::vector<std::string>{"Carers", "People who are not carers"});
    REQUIRE(groups.series.size() == 2);
    CHECK(groups.series[0].labels == column(group_table, 2, 2));
    CHECK(groups.series[0].labels == std::vector<std::string>{"50%", "50%"});
    CHECK(groups.series[1].labels == column(group_table, 3, 2));
    CHECK(groups.series[1].labels == std::vector<std::string>{"11%", "no figure"});
    CHECK(groups.series[1].values == std::vector<std::optional<double>>{11.0, std::nullopt});

    // Reach by channel: a bar per channel, not for the total row.
    const report::Chart& channels = chart_at(who, 2);
    const report::Table& channel_table = table_at(who, 3);
    CHECK(channel_table.rows.back()[0] == "All responses");
    CHECK(channels.categories == column(channel_table, 0, channel_table.rows.size() - 1));
    CHECK(channels.series[0].labels == std::vector<std::string>{"12 (50%)", "12 (50%)"});

    // Themes: the chart, its table, then the plain block's table alone.
    const report::Section& what = build.document->sections[1];
    REQUIRE(what.blocks.size() == 5);
    const report::Chart& themes = chart_at(what, 0);
    const report::Table& theme_table = table_at(what, 1);
    CHECK(theme_table.caption == "Themes raised");
    CHECK(themes.categories == column(theme_table, 0, 2));
    CHECK(themes.series[0].labels == std::vector<std::string>{"8 (33%)", "8 (33%)"});
    CHECK(themes.series[0].values == std::vector<std::optional<double>>{33.0, 33.0});
    CHECK(table_at(what, 2).rows == theme_table.rows);

    // The cross-tab: themes only (not "No theme"), a bar per channel column.
    const report::Chart& crosstab = chart_at(what, 3);
    const report::Table& crosstab_table = table_at(what, 4);
    CHECK(crosstab_table.rows.back()[0] == "No theme");
    CHECK(crosstab.categories == std::vector<std::string>{"Transport and rural access", "Information sharing"});
    REQUIRE(crosstab.series.size() == 2);
    CHECK(crosstab.series[0].name == crosstab_table.header[2]);
    CHECK(crosstab.series[1].name == crosstab_table.header[3]);
    CHECK(crosstab.series[0].labels == std::vector<std::string>{crosstab_table.rows[0][2], crosstab_table.rows[1][2]});
    for (const report::Chart* chart : {&groups, &channels, &themes, &crosstab}) {
        CAPTURE(chart->title);
        CHECK_FALSE(chart->alt_text.empty());
    }
}

TEST_CASE("a misspelt or impossible chart block is an error at the word at fault") {
    Fixture f;
    report::ReportBuild build = f.build(
        "title: T\n\nsection: S\n[chart themse]\n  [chart you-said-we-did]\n[chart]\n[chart crosstab theme theme]\n"
        "[chart reach group channel]\n[themes chart]\n[chart crosstab group channel]\n");
    CHECK_FALSE(build.document);
    const std::string file = f.dir.path("t.tmpl");
    const std::vector<std::string> expected = {
        file + ":4:8: error: unknown block \"themse\" after chart: expected themes, reach or crosstab, as in [chart "
               "themes]\n    [chart themse]\n           ^\n",
        file + ":5:10: error: [you-said-we-did] has no chart: [chart ...] draws [themes], [reach ...] and [crosstab "
               "theme ...]\n      [chart you-said-we-did]\n             ^\n",
        file + ":6:2: error: [chart] needs the block to draw, as in [chart themes]\n    [chart]\n     ^\n",
        file + ":7:23: error: [crosstab] needs two different dimensions, as in [crosstab theme channel]\n"
               "    [chart crosstab theme theme]\n                          ^\n",
        file + ":8:20: error: [reach] takes one of channel, event or group, as in [reach channel]\n"
               "    [chart reach group channel]\n                       ^\n",
        file + ":9:9: error: [themes] takes no arguments\n    [themes chart]\n            ^\n",
        file + ":10:17: error: a cross-tab's chart needs themes as its rows: [chart crosstab theme channel]\n"
               "    [chart crosstab group channel]\n                    ^\n",
    };
    REQUIRE(build.errors.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(build.errors[i].format() == expected[i]);
}
