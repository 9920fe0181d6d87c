#include "report/publication_checks.h"

#include <cmath>

#include "ingest/redactor.h"

namespace yousaid::report {

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string responses(Xapian::doccount n) {
    return std::to_string(n) + (n == 1 ? " response" : " responses");
}

// "a phone number", "an email address and 2 names": what the redactor would take out.
std::string personal_data(const RedactionCounts& c) {
    std::vector<std::string> kinds;
    auto add = [&](int n, const char* one, const char* many) {
        if (n == 1) kinds.push_back(one);
        if (n > 1) kinds.push_back(std::to_string(n) + " " + many);
    };
    add(c.emails, "an email address", "email addresses");
    add(c.phone_numbers, "a phone number", "phone numbers");
    add(c.nhs_numbers, "an NHS number", "NHS numbers");
    add(c.postcodes, "a full postcode", "full postcodes");
    add(c.names, "a name", "names");
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == kinds.size() ? " and " : ", ") + kinds[i];
    }
    return out;
}

}  // namespace

std::vector<std::string> publication_problems(const PublicationFacts& facts, const PublicationRules& rules) {
    std::vector<std::string> problems;
    for (const ThemeCoverage& theme : facts.themes) {
        // Judged by the whole percentage the report prints, so "5%" in the report is 5% here.
        const long shown = std::lround(theme.percent);
        if (theme.has_action || shown < rules.min_share) continue;
        problems.push_back("theme " + quoted(theme.title) + " (" + std::to_string(shown) +
                           "% of responses) has no action in " + facts.actions_path);
    }
    for (const ShownQuote& quote : facts.quotes) {
        const std::string which = "response " + quote.response_id + " (theme " + quoted(quote.theme_title) + ")";
        if (RedactionCounts found = redact(quote.text).counts; found.total() > 0) {
            problems.push_back("the quote from " + which + " still holds personal data: " + personal_data(found));
        }
        if (RedactionCounts found = redact(quote.attribution).counts; found.total() > 0) {
            problems.push_back("the attribution of the quote from " + which +
                               " still holds personal data: " + personal_data(found));
        }
    }
    for (const ShownBase& shown : facts.bases) {
        if (shown.base >= rules.min_base) continue;
        const std::string threshold = std::to_string(rules.min_base);
        problems.push_back(shown.where + " shows percentages of " + responses(shown.base) + ", fewer than the " +
                           threshold + " a published percentage needs (--min-base " + threshold + " hides them)");
    }
    return problems;
}

}  // namespace yousaid::report
