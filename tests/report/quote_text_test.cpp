#include <doctest/doctest.h>

#include "report/quote_text.h"

using namespace yousaid;
using namespace yousaid::report;

TEST_CASE("shorten_quote keeps whole sentences up to the word limit") {
    CHECK(shorten_quote("Short and sweet.", 60) == "Short and sweet.");
    CHECK(shorten_quote("One two three. Four five six. Seven eight nine.", 6) == "One two three. Four five six. …");
    CHECK(shorten_quote("One two three four five six seven.", 3) == "One two three …");
    CHECK(shorten_quote("Line one.\nLine two.", 60) == "Line one. Line two.");
}

TEST_CASE("attribution says who, through which channel and event, and when") {
    Response r;
    r.channel = "Telephone";
    r.event = "Telephone survey";
    r.date = "2014-07-04";
    r.attributes = {{"gender", "Female"}, {"age_band", "75-84"}, {"lives_alone", "yes"}};
    CHECK(attribution(r) == "Woman aged 75-84, lives alone — Telephone survey, July 2014");

    r.channel = "Outreach";
    r.event = "Mums and tots group, Macclesfield";
    r.attributes = {{"parent_under_5", "yes"}};
    CHECK(attribution(r) == "Parent of a young child — Outreach, Mums and tots group, Macclesfield, July 2014");

    r.channel = "Online survey";
    r.event = "Online survey";
    r.date = "";
    r.attributes = {};
    CHECK(attribution(r) == "Participant — Online survey");
}

TEST_CASE("dates in words") {
    CHECK(long_date("2014-07-25") == "25 July 2014");
    CHECK(month_year("2014-05-21") == "May 2014");
}
