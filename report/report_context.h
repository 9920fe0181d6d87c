#pragma once
// What a report's blocks are built from, gathered once per report: the store,
// the codebook it was tagged with, its summary, the actions and population
// files, and the report-wide record of what has been printed.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/codebook.h"
#include "analysis/crosstab.h"
#include "analysis/population_file.h"
#include "analysis/store_summary.h"
#include "report/actions_file.h"
#include "report/publication_checks.h"
#include "report/quote_picker.h"
#include "report/shown_figures.h"

namespace yousaid::report {

inline constexpr Xapian::doccount kSmallBase = 30;  // figures on fewer responses are marked * for caution

struct ReportContext {
    const Xapian::Database& db;
    Codebook codebook;
    StoreSummary summary;
    ActionsRead actions;
    PopulationRead population = {};
    bool every_member = false;
    Xapian::doccount min_base = 0;                // percentages of fewer responses are hidden (ShownFigures)
    ShownFigures* figures = nullptr;              // every percentage of responses is printed through this
    std::vector<ShownQuote>* quotes = nullptr;    // every quote printed, for the publication checks
    std::vector<std::string>* warnings = nullptr;
    // What the report has quoted so far (a response is quoted once, and no two
    // quotes say the same thing).
    QuotedSoFar quoted = {};
    // Cross-tabs made so far, by rows then columns (crosstab_of): the statements
    // and the cross-tab blocks ask for the same ones.
    mutable std::map<std::pair<std::string, std::string>, Crosstab> crosstabs = {};
};

// The cross-tab of `rows` by `columns` over the counted responses, made once per report.
const Crosstab& crosstab_of(const ReportContext& c, const Axis& rows, const Axis& columns);

// The codebook's themes that some counted response raised, most raised first;
// ties keep codebook order.
std::vector<std::pair<const Theme*, Xapian::doccount>> themes_by_count(const ReportContext& c);

// "the table \"Themes raised\"": a table as the subject of a publication check's sentence.
std::string table_place(const std::string& caption);

}  // namespace yousaid::report
