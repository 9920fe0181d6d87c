#pragma once
// Charts of the report builder's tables, for the template's [chart ...] blocks.
// A chart is read from the cells of the table it illustrates, which the report
// prints right after it, so a bar can never disagree with its row: bar lengths
// are the table's numbers ("1,234", "27%") and bar labels are its cells. A cell
// that is not a number (a percentage hidden as "–" for a small base, or "no
// figure") is a missing bar, labelled with that cell.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report/report_document.h"

namespace yousaid::report {

// A table cell as a number: digits, with commas between thousands, an optional
// decimal part and an optional '%' at the end ("1,234", "27%", "3.5%").
// nullopt for anything else ("–", "no figure", "").
std::optional<double> cell_number(const std::string& cell);

// For [chart themes] and [chart reach channel|event]: a bar per row, the first
// `rows` rows of a table whose columns are name, count and share (the rest, if
// any, are totals). Bars are the shares, labelled "count (share)": "564 (33%)".
// `what` is the rows' plural name in the alt text: "themes", "channels".
Chart share_chart(const Table& table, std::size_t rows, const std::string& title, const std::string& what);

// For [chart reach group]: the reach table by group (group, responses, share,
// and the share of population when a population file was given) as a pair of
// bars per group, share of responses against share of population. A group with
// no population share has only its responses bar.
Chart reach_chart(const Table& by_group);

// For [chart crosstab theme X]: the cross-tab's tables (crosstab_tables' blocks;
// columns theme, all responses, then up to five X columns each) as bars for
// the `top` themes most raised overall, a bar per X column of the first table.
// Only the first `theme_rows` rows are themes (a last "No theme" row may
// follow). `dimension` is X's name: "channel".
Chart crosstab_chart(const std::vector<Block>& tables, std::size_t theme_rows, const std::string& dimension,
                     std::size_t top = 5);

}  // namespace yousaid::report
