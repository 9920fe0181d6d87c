#include <doctest/doctest.h>

#include "report/figure_words.h"

using namespace yousaid::report;

TEST_CASE("figures and lists in sentences") {
    CHECK(with_commas(1234567) == "1,234,567");
    CHECK(count_of(1, "response") == "1 response");
    CHECK(count_of(1685, "person", "people") == "1,685 people");
    CHECK(count_in_words(1, "campaign") == "one campaign");
    CHECK(count_in_words(10, "response") == "10 responses");
    CHECK(listed({"a"}) == "a");
    CHECK(listed({"a", "b"}) == "a and b");
    CHECK(listed({"a", "b", "c"}) == "a, b and c");
    // An item with its own comma: semicolons keep the items apart.
    CHECK(listed({"lesbian, gay and bisexual people (39%)", "carers (30%)", "new mothers (25%)"}) ==
          "lesbian, gay and bisexual people (39%); carers (30%); and new mothers (25%)");
}

TEST_CASE("names in sentences lose a sentence capital, not an acronym's") {
    CHECK(in_sentence("Working parents") == "working parents");
    CHECK(in_sentence("Face-to-face survey") == "face-to-face survey");
    CHECK(in_sentence("LGBT+ social group") == "LGBT+ social group");
    CHECK(in_sentence("NHS Choices") == "NHS Choices");
    CHECK(as_heading("age_band") == "Age band");
}
