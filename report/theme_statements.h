#pragma once
// The You said / We did statements: for each theme, how many raised it and
// who raised it most, quotes in their own words, and what was done.
#include <vector>

#include "report/report_context.h"
#include "report/report_document.h"

namespace yousaid::report {

inline constexpr int kFewestQuotes = 2;       // a theme with two or more quotable responses gets at least this
inline constexpr int kQuotesPerTheme = 3;
inline constexpr int kQuotesPerLargeTheme = 4;
inline constexpr double kLargeThemeShare = 15;  // percent of responses counted
inline constexpr Xapian::doccount kMinGroupBase = 10;  // groups this small are not singled out in summaries

// [you-said-we-did]: a statement per theme raised, most raised first. The
// summary names the groups (up to three) and channels (up to two) where the
// theme's share of responses was highest, among those above its share of all
// responses and with figures shown; it says so when fewer than two quotes
// could be found. A theme with no action in the actions file is drawn with
// none, and a warning is added.
std::vector<Block> you_said_we_did(ReportContext& c);

// [quotes THEME N]: up to `count` quotes for the theme, one paragraph each,
// chosen and attributed as in the statements; a paragraph saying so when
// there is none to quote.
std::vector<Block> theme_quotes(ReportContext& c, const Theme& theme, int count);

}  // namespace yousaid::report
