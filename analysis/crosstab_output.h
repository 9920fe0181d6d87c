#pragma once
// A Crosstab written out for people (text) and for other tools (CSV, JSON).
#include <string>

#include "analysis/crosstab.h"

namespace yousaid {

// Aligned columns of "count  percent" with ↑/↓ beside a percentage that
// differs significantly from the rest of its row, a base line under them (*
// beside a small base, – for a suppressed column's cells), a legend, and notes
// on weighting and on how campaigns were counted when there are any.
std::string crosstab_text(const Crosstab& table);
// One row per (row, column) cell: row, column, count, base, column_percent,
// row_percent, z, p, adjusted_p, flag (higher, lower or empty), base_flag
// (small, suppressed or empty); weighted tables add weight, unweighted_count
// and unweighted_base. A suppressed column's counts, percentages and tests are
// left empty. Every cell is neutralised against formula injection (csv_output.h).
std::string crosstab_csv(const Crosstab& table);
// {"rows_by", "columns_by", "unit", "percent", "adjustment", "rows": [{"key","label"}],
//  "columns": [{"key","label","base","small_base","suppressed","weight"?,"weighted_base"?}],
//  "cells": [[{"count","percent","column_percent","row_percent","z","p","adjusted_p","flag"}]],
//  "campaigns": {"campaigns","responses","counted_once"}}; a suppressed
// column's cells hold nulls.
std::string crosstab_json(const Crosstab& table);

}  // namespace yousaid
