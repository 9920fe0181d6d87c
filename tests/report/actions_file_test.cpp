#include <doctest/doctest.h>

#include "report/actions_file.h"
#include "tests/test_support.h"

using namespace yousaid;
using namespace yousaid::report;
using yousaid::testing::TempDir;

TEST_CASE("an actions file without a reason column reads as it always did") {
    TempDir dir;
    ActionsRead read = read_actions(dir.write(
        "a.csv", "theme,action,owner,status\nx,Not this year: no budget,CCG,Not taken forward\ny,Did it,CCG,done\n"));
    REQUIRE(read.errors.empty());
    CHECK(read.by_theme.at("x").status == "not taken forward");
    CHECK(read.by_theme.at("x").action == "Not this year: no budget");
    CHECK(read.by_theme.at("x").reason == "");
}

TEST_CASE("the reason column says why a theme was not taken forward") {
    TempDir dir;
    ActionsRead read = read_actions(dir.write("a.csv",
                                              "theme,action,owner,status,reason\n"
                                              "x,Review in 2015,Trust,not taken forward,Could not be staffed\n"
                                              "y,Did it,CCG,done,\n"));
    REQUIRE(read.errors.empty());
    CHECK(read.by_theme.at("x").reason == "Could not be staffed");
    CHECK(read.by_theme.at("y").reason == "");
}

TEST_CASE("a reason missing or out of place is an error at its cell") {
    TempDir dir;
    const std::string path = dir.write("a.csv",
                                       "theme,action,owner,status,reason\n"
                                       "x,Review in 2015,Trust,not taken forward,\n"
                                       "y,Did it,CCG,done,Because\n");
    ActionsRead read = read_actions(path);
    REQUIRE(read.errors.size() == 2);
    CHECK(read.errors[0].format() == path +
                                         ":2:42: error: theme \"x\" is not taken forward: say why in the reason "
                                         "column\n    x,Review in 2015,Trust,not taken forward,\n" +
                                         std::string(4 + 41, ' ') + "^\n");
    CHECK(read.errors[1].headline() == path + ":3:19: error: a reason is given only for status \"not taken forward\" "
                                              "(this row's status is \"done\")");
    CHECK(read.by_theme.empty());
}
