#include <doctest/doctest.h>

#include "report/publication_checks.h"

using namespace yousaid::report;

namespace {

PublicationFacts clean_facts() {
    PublicationFacts facts;
    facts.actions_path = "corpus/actions.csv";
    facts.themes = {{"gp-access", "GP access", 564, 33.0, true}, {"carers", "Support for carers", 40, 2.4, false}};
    facts.quotes = {{"GP access", "online-survey-17", "A doctor who knows me and my history.",
                     "Carer — Online survey, June 2014"}};
    facts.bases = {{"the table \"Themes raised\"", 1685}};
    return facts;
}

}  // namespace

TEST_CASE("a report with every sizeable theme answered, clean quotes and no small base may be published") {
    CHECK(publication_problems(clean_facts()).empty());
    CHECK(PublicationRules{}.min_share == 5);
    CHECK(PublicationRules{}.min_base == 10);  // the cross-tab command's suppression threshold
}

TEST_CASE("a theme raised by --min-share of responses or more needs an action") {
    struct Case {
        double percent;
        bool has_action;
        double min_share;
        bool refused;
    };
    const Case cases[] = {
        {18.0, false, 5, true},  {5.0, false, 5, true},   {4.4, false, 5, false},
        {4.6, false, 5, true},   // printed as 5%
        {18.0, true, 5, false},  {2.4, false, 0, true},   {18.0, false, 20, false},
        {19.6, false, 20, true}, {2.4, false, 2.5, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.percent);
        CAPTURE(c.min_share);
        PublicationFacts facts = clean_facts();
        facts.themes = {{"transport-rural", "Transport and rural access", 289, c.percent, c.has_action}};
        PublicationRules rules;
        rules.min_share = c.min_share;
        std::vector<std::string> problems = publication_problems(facts, rules);
        if (c.refused) {
            REQUIRE(problems.size() == 1);
            CHECK(problems[0] == "theme \"Transport and rural access\" (" +
                                     std::to_string(static_cast<long>(c.percent + 0.5)) +
                                     "% of responses) has no action in corpus/actions.csv");
        } else {
            CHECK(problems.empty());
        }
    }
}

TEST_CASE("a quote or attribution holding anything the redactor takes out is refused, saying what it holds") {
    struct Case {
        std::string text;
        std::string attribution;
        std::string problem;  // "" when the quote may be published
    };
    const std::string from = "response telephone-survey-TEL-0038 (theme \"GP access\")";
    const std::string quote = "the quote from " + from + " still holds personal data: ";
    const Case cases[] = {
        {"Ring me on 07700 900123 any time.", "", quote + "a phone number"},
        {"Call 01625 661234 or 0161 496 0000.", "", quote + "2 phone numbers"},
        {"Write to jo.bloggs@example.org please.", "", quote + "an email address"},
        {"My NHS number is 943 476 5919.", "", quote + "an NHS number"},
        {"We live at SK10 3BL, up the hill.", "", quote + "a full postcode"},
        {"My name is Jo Bloggs and Dr Patel was kind; mail jo@example.org.", "",
         quote + "an email address and 2 names"},
        {"Fine words.", "Woman aged 75-84 — Coffee morning with Mrs Hughes, June 2014",
         "the attribution of the quote from " + from + " still holds personal data: a name"},
        // Labels the redactor put in are not personal data, and neither are other numbers.
        {"Ring me on [phone], or Dr [name]; I live in SK10 [postcode].", "", ""},
        {"The gap is £36m over 3 years; 23 GP practices; 8am to 8pm.", "", ""},
        {"A number that fails the NHS check: 943 476 5918.", "", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        PublicationFacts facts = clean_facts();
        facts.quotes = {{"GP access", "telephone-survey-TEL-0038", c.text,
                         c.attribution.empty() ? "Participant — Telephone survey, July 2014" : c.attribution}};
        std::vector<std::string> problems = publication_problems(facts);
        if (c.problem.empty()) {
            CHECK(problems.empty());
        } else {
            CHECK(problems == std::vector<std::string>{c.problem});
        }
    }
}

TEST_CASE("a percentage of fewer responses than the suppression threshold is refused, saying where it is") {
    PublicationFacts facts = clean_facts();
    facts.bases = {{"the table \"Responses by channel\"", 1685},
                   {"the table \"Share of responses raising each theme, by group\", column \"LGBT\",", 9},
                   {"the summary of theme \"GP access\" (the Email channel)", 1},
                   {"the table \"Themes raised\"", 10}};
    CHECK(publication_problems(facts) ==
          std::vector<std::string>{
              "the table \"Share of responses raising each theme, by group\", column \"LGBT\", shows percentages of 9 "
              "responses, fewer than the 10 a published percentage needs (--min-base 10 hides them)",
              "the summary of theme \"GP access\" (the Email channel) shows percentages of 1 response, fewer than the "
              "10 a published percentage needs (--min-base 10 hides them)"});
    PublicationRules stricter;
    stricter.min_base = 20;
    CHECK(publication_problems(facts, stricter).size() == 3);
}

TEST_CASE("every reason is listed, themes first, then quotes, then bases") {
    PublicationFacts facts = clean_facts();
    facts.bases.push_back({"the table \"Responses by event\"", 3});
    facts.quotes.push_back({"Support for carers", "outreach-9", "Email me: a@b.co.uk", ""});
    facts.themes.push_back({"transport-rural", "Transport and rural access", 289, 17.2, false});
    std::vector<std::string> problems = publication_problems(facts);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].rfind("theme \"Transport and rural access\" (17% of responses)", 0) == 0);
    CHECK(problems[1].rfind("the quote from response outreach-9 (theme \"Support for carers\")", 0) == 0);
    CHECK(problems[2].rfind("the table \"Responses by event\" shows percentages of 3 responses", 0) == 0);
}
