#pragma once
// The report's tables of counts: reach, themes and cross-tabulations, and the
// charts drawn from them ([chart ...] blocks). Every percentage is printed
// through the context's ShownFigures.
#include <string>
#include <vector>

#include "analysis/crosstab.h"
#include "report/report_context.h"
#include "report/report_document.h"

namespace yousaid::report {

// [reach channel|event|group]: responses by channel or event, largest first,
// with a total row; or by codebook group, beside the population share when a
// population file was given.
Table reach_table(const ReportContext& c, const std::string& by);

// [themes]: responses raising each theme, most raised first.
Table themes_table(const ReportContext& c);

// [crosstab ROWS COLUMNS]: column percentages, the "All responses" column and
// at most five other columns per table, so each fits an A4 page. Throws
// std::invalid_argument when an attribute axis names no stored attribute.
std::vector<Block> crosstab_tables(const ReportContext& c, const Axis& rows, const Axis& columns);

// The chart of the table block [name ... by] drawn from its tables: [themes],
// [reach ...] or [crosstab theme ...].
Chart chart_of(const ReportContext& c, const std::string& name, const std::string& by,
               const std::vector<Block>& tables);

}  // namespace yousaid::report
