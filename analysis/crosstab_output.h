#pragma once
// A Crosstab written out for people (text) and for other tools (CSV, JSON).
#include <string>

#include "analysis/crosstab.h"

namespace yousaid {

// Percentages to one decimal place, as shown everywhere ("26.7%").
std::string format_percent(double percent);

// Aligned columns of "count  percent", a base line under them, and a note on
// how campaigns were counted when there are any.
std::string crosstab_text(const Crosstab& table);
// One row per (row, column) cell: row, column, count, base, column_percent.
std::string crosstab_csv(const Crosstab& table);
// {"rows": ..., "columns": [{"key","label","base"}], "cells": [[{"count","percent"}]],
//  "campaigns": {"campaigns","responses","counted_once"}}
std::string crosstab_json(const Crosstab& table);

}  // namespace yousaid
