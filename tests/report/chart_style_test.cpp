// What both renderers' charts share: round axis ticks, colours and cut labels.
#include <doctest/doctest.h>

#include "report/chart_style.h"

using namespace yousaid::report;

TEST_CASE("the axis runs from zero past the top value in about five round steps") {
    CHECK(round_axis(42).max == 50);
    CHECK(round_axis(42).step == 10);
    CHECK(round_axis(0.9).step == doctest::Approx(0.2));
    CHECK(round_axis(12).step == doctest::Approx(2.5));
    CHECK(round_axis(12).max == doctest::Approx(12.5));
    CHECK(round_axis(0).max == 1);
}

TEST_CASE("series take the same colours in print and on screen") {
    CHECK(hex(series_colour(0, 1).fill) == "#005eb8");  // NHS blue
    CHECK(hex(series_colour(1, 2).fill) == "#a6a6a6");
    CHECK(series_colour(1, 2).edged);
    CHECK(hex(series_colour(0, 5).fill) == "#08306b");  // darkest first
    CHECK(hex(series_colour(4, 5).fill) == "#c6dbef");
    CHECK(hex(series_colour(5, 6).fill) == hex(series_colour(0, 6).fill));  // more than five repeat
}

TEST_CASE("a label too wide is cut at a letter and ends in an ellipsis") {
    const MeasureText letters = [](std::string_view t) { return static_cast<double>(t.size()); };
    CHECK(cut_to_width("Care closer to home", 30, letters) == "Care closer to home");
    CHECK(cut_to_width("Care closer to home", 10, letters) == "Care cl\u2026");  // the ellipsis is 3 bytes
    CHECK(cut_to_width("Care closer to home", 8, letters) == "Care\u2026");  // no space before the ellipsis
}
