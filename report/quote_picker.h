#pragma once
// Chooses the quotes that speak for a theme in the report.
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/codebook.h"
#include "report/report_document.h"

namespace yousaid::report {

inline constexpr int kMaxQuoteWords = 60;

// What a report has quoted so far: a response is quoted once, and two quotes
// never say the same thing (share a run of six words), whichever themes they
// are under.
struct QuotedSoFar {
    std::set<std::string> ids;
    std::set<std::string> shingles;  // runs of six words, lower-cased
};

struct PickedQuote {
    std::string response_id;  // where the quote comes from
    Quote quote;
};

// Up to `count` quotes from responses tagged with the theme, the most typical
// first (closest to the theme's centre: typical_responses.h), preferring ones
// of 8 to 60 words,
// each from a different channel or group where there is a choice. Two quotes
// never share a run of six words (campaigns and stock phrases repeat), and texts that had personal data taken out
// are used only when nothing else is left. Text is the redacted text.
// `quoted` holds what the report has quoted already, and what is picked here
// is added. A campaign is quoted only through its first member (the one whose
// id it bears).
std::vector<PickedQuote> pick_quotes(const Xapian::Database& db, const Theme& theme, int count,
                                     QuotedSoFar& quoted);

}  // namespace yousaid::report
