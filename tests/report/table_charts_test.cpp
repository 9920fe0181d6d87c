#include "report/table_charts.h"

#include <doctest/doctest.h>

namespace yousaid::report {
namespace {

TEST_CASE("table cells are read as numbers only when they are numbers") {
    struct Case {
        const char* cell;
        std::optional<double> number;
    };
    const Case cases[] = {
        {"0", 0.0},          {"27%", 27.0},      {"1,234", 1234.0}, {"1,234,567", 1234567.0},
        {"3.5%", 3.5},       {"1,234.25", 1234.25},
        {"", std::nullopt},  {"%", std::nullopt}, {"–", std::nullopt}, {"no figure", std::nullopt},
        {"12,34", std::nullopt}, {"1,2345", std::nullopt}, {",123", std::nullopt}, {"1,", std::nullopt},
        {"1.", std::nullopt}, {"1.2.3", std::nullopt}, {"-5", std::nullopt}, {" 5", std::nullopt},
        {"5%%", std::nullopt}, {"n=12", std::nullopt},
    };
    for (const Case& c : cases) {
        CAPTURE(c.cell);
        CHECK(cell_number(c.cell) == c.number);
    }
}

Table themes_table() {
    Table t;
    t.caption = "Themes raised";
    t.header = {"Theme", "Responses", "Share of responses"};
    t.rows = {{"GP access", "564", "33%"}, {"Staff and continuity of care", "1,384", "23%"}, {"Small theme", "5", "–"}};
    return t;
}

TEST_CASE("a share chart has a bar per row: the share, labelled with the count and share") {
    Chart chart = share_chart(themes_table(), 3, "Share of responses raising each theme", "themes");
    CHECK(chart.title == "Share of responses raising each theme");
    CHECK(chart.categories == std::vector<std::string>{"GP access", "Staff and continuity of care", "Small theme"});
    REQUIRE(chart.series.size() == 1);
    CHECK(chart.series[0].values == std::vector<std::optional<double>>{33.0, 23.0, std::nullopt});
    CHECK(chart.series[0].labels == std::vector<std::string>{"564 (33%)", "1,384 (23%)", "5 (–)"});
    CHECK(chart.unit == "%");
    CHECK(chart.alt_text ==
          "A bar chart of the share of responses for each of 3 themes, from GP access, 564 responses (33%), to "
          "Small theme, 5 responses (–).");

    // A total row past `rows` is left out.
    Chart two = share_chart(themes_table(), 2, "By channel", "channels");
    CHECK(two.categories.size() == 2);
    CHECK(two.series[0].values.size() == 2);
}

TEST_CASE("a reach chart pairs the share of responses with the share of population, where known") {
    Table t;
    t.header = {"Group", "Responses", "Share of responses", "Share of population (approx.)"};
    t.rows = {{"Carers", "200", "12%", "11%"}, {"Younger people", "97", "6%", "9%"}, {"Veterans", "40", "2%", "no figure"}};
    Chart chart = reach_chart(t);
    CHECK(chart.title == "Share of responses and of the population, by group");
    REQUIRE(chart.series.size() == 2);
    CHECK(chart.series[0].name == "Share of responses");
    CHECK(chart.series[0].values == std::vector<std::optional<double>>{12.0, 6.0, 2.0});
    CHECK(chart.series[1].name == "Share of population (approx.)");
    CHECK(chart.series[1].values == std::vector<std::optional<double>>{11.0, 9.0, std::nullopt});
    CHECK(chart.series[1].labels == std::vector<std::string>{"11%", "9%", "no figure"});
    CHECK(chart.alt_text ==
          "Paired bars for 3 groups, each group's share of responses beside its approximate share of the "
          "population: 1 made up more of the responses than of the population, 1 the same or less, and 1 cannot "
          "be compared.");

    // Without a population file the table has no population column: one series.
    t.header.pop_back();
    for (auto& row : t.rows) row.pop_back();
    Chart alone = reach_chart(t);
    CHECK(alone.title == "Share of responses by group");
    CHECK(alone.series.size() == 1);
}

TEST_CASE("a cross-tab chart shows the themes raised most, a bar per column of the first table") {
    Table first;
    first.header = {"Theme", "All responses (n=100)", "Online (n=60)", "Panel (n=20)*"};
    first.rows = {{"A", "10%", "12%", "5%"},  {"B", "40%", "45%", "30%"}, {"C", "20%", "–", "25%"},
                  {"D", "30%", "28%", "35%"}, {"No theme", "50%", "40%", "60%"}};
    Table second;
    second.header = {"Theme", "All responses (n=100)", "Phone (n=20)"};
    second.rows = first.rows;
    std::vector<Block> tables = {first, second};

    Chart chart = crosstab_chart(tables, 4, "channel", 3);
    CHECK(chart.categories == std::vector<std::string>{"B", "D", "C"});  // "No theme" is not a theme
    REQUIRE(chart.series.size() == 2);
    CHECK(chart.series[0].name == "Online (n=60)");
    CHECK(chart.series[0].values == std::vector<std::optional<double>>{45.0, 28.0, std::nullopt});
    CHECK(chart.series[0].labels == std::vector<std::string>{"45%", "28%", "–"});
    CHECK(chart.series[1].values == std::vector<std::optional<double>>{30.0, 35.0, 25.0});
    CHECK(chart.title == "The 3 themes raised most, by channel");
    CHECK(chart.note ==
          "The 3 themes raised most across all responses, for the first 2 of the 3 channels in the table below, "
          "which has every theme and channel. * Fewer than 30 responses: read with caution.");
    CHECK(chart.alt_text ==
          "Grouped bars for the 3 themes raised most (B, D and C), each with a bar for the share of responses that "
          "raised it in each of 2 channels: Online (n=60) and Panel (n=20)*.");

    CHECK(crosstab_chart({}, 4, "channel").categories.empty());
}

}  // namespace
}  // namespace yousaid::report
