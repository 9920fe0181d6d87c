#include <doctest/doctest.h>

#include "report/quote_text.h"

using namespace yousaid;
using namespace yousaid::report;

TEST_CASE("shorten_quote keeps whole sentences up to the word limit") {
    CHECK(shorten_quote("Short and sweet.", 60) == "Short and sweet.");
    CHECK(shorten_quote("One two three. Four five six. Seven eight nine.", 6) == "One two three. Four five six. …");
    CHECK(shorten_quote("Line one.\nLine two.", 60) == "Line one. Line two.");
    // The first sentence fits: the cut is at its end, never inside the second.
    CHECK(shorten_quote("One two three. Four five six seven eight nine ten.", 6) == "One two three. …");
    CHECK(shorten_quote("Is it? Yes! It is, it really really is.", 3) == "Is it? Yes! …");
}

TEST_CASE("shorten_quote cuts a first sentence too long at punctuation ICU does not take for a sentence end") {
    // "..." then lower case, and a stop with no capital after it, end no ICU sentence.
    CHECK(shorten_quote("Waited three weeks... then they rang and said it was all cancelled anyway.", 6) ==
          "Waited three weeks... …");
    CHECK(shorten_quote("Waited three weeks. then nothing, nothing at all, for months and months.", 6) ==
          "Waited three weeks. …");
}

TEST_CASE("shorten_quote cuts at a word when no sentence end fits, dropping a comma left at the end") {
    CHECK(shorten_quote("One two three four five six seven.", 3) == "One two three …");
    CHECK(shorten_quote("One two, three four five six seven.", 2) == "One two …");
}

TEST_CASE("attribution: who, channel, place, month and year") {
    Response r;
    r.channel = "Outreach";
    r.event = "Mums and tots group, Macclesfield";
    r.date = "2014-07-04";
    CHECK(attribution(r, "Working parent") == "Working parent, outreach, Macclesfield, July 2014");

    // An event without a comma is the place; the channel is in sentence case.
    r.channel = "Face-to-face survey";
    r.event = "Tesco Macclesfield";
    CHECK(attribution(r, "Carer") == "Carer, face-to-face survey, Tesco Macclesfield, July 2014");

    // An event that names the channel stands for both.
    r.channel = "Telephone";
    r.event = "Telephone survey";
    CHECK(attribution(r, "Carer") == "Carer, telephone survey, July 2014");
    r.channel = "Stakeholder panel";
    r.event = "Congleton stakeholder panel";
    CHECK(attribution(r, "") == "Participant, Congleton stakeholder panel, July 2014");

    // Acronyms keep their capitals; no date, no month.
    r.channel = "NHS Choices";
    r.event = "";
    r.date = "";
    CHECK(attribution(r, "Man aged 45-54") == "Man aged 45-54, NHS Choices");
}

TEST_CASE("attribution without a label falls back to gender and age") {
    Response r;
    r.channel = "Online survey";
    r.event = "Online survey";
    r.date = "2014-06-10";
    r.attributes = {{"gender", "Female"}, {"age_band", "75-84"}, {"lives_alone", "yes"}};
    CHECK(person_from_attributes(r) == "Woman aged 75-84");
    CHECK(attribution(r) == "Woman aged 75-84, online survey, June 2014");
    r.attributes = {{"age_band", "16-24"}};
    CHECK(attribution(r) == "Aged 16-24, online survey, June 2014");
    r.attributes = {};
    CHECK(attribution(r) == "Participant, online survey, June 2014");
}

TEST_CASE("dates in words") {
    CHECK(long_date("2014-07-25") == "25 July 2014");
    CHECK(month_year("2014-05-21") == "May 2014");
}
