#pragma once
// The publication gate of `yousaid report --final`: what must be true before a
// report goes out under the programme's name. A published report must
//  - say what was done about every theme raised by a sizeable share of
//    responses (PublicationRules::min_share): it has a row in the actions file;
//  - quote no personal data: every quote printed, and its attribution, is run
//    through the redactor (ingest/redactor.h) again, and anything it would take
//    out is a reason. The store may hold text redacted by an older redactor;
//  - print no percentage of fewer responses than the cross-tab command's
//    suppression threshold. The builder hides such percentages unless asked
//    not to (report --min-base), so this catches a lowered threshold.
// The builder gathers what the checks look at (PublicationFacts) as it fills
// the template, so they see exactly what the report prints.
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/crosstab.h"

namespace yousaid::report {

// A theme some response raised, and whether the actions file says what was done.
struct ThemeCoverage {
    std::string id;
    std::string title;
    Xapian::doccount responses = 0;
    double percent = 0;  // of all responses counted
    bool has_action = false;
};

// A quote as the report prints it.
struct ShownQuote {
    std::string theme_title;
    std::string response_id;
    std::string text;
    std::string attribution;
};

// A place where the report prints percentages of `base` responses.
struct ShownBase {
    std::string where;  // "the table \"Responses by channel\"", ... : the subject of a sentence
    Xapian::doccount base = 0;
};

struct PublicationFacts {
    std::string actions_path;           // named in reasons
    std::vector<ThemeCoverage> themes;  // every theme raised, most raised first
    std::vector<ShownQuote> quotes;     // in report order
    std::vector<ShownBase> bases;       // in report order, each place once
};

struct PublicationRules {
    // Percent of responses: a theme the report shows as raised by this share or
    // more (a whole percentage, as printed) needs an action.
    double min_share = 5;
    Xapian::doccount min_base = CrosstabOptions{}.min_base;  // no percentage of fewer responses is published
};

// Why the report may not be published: one sentence per problem, in report
// order (themes, then quotes, then bases), such as
//   theme "Transport and rural access" (18% of responses) has no action in corpus/actions.csv
// Empty when it may be published.
std::vector<std::string> publication_problems(const PublicationFacts& facts, const PublicationRules& rules = {});

}  // namespace yousaid::report
