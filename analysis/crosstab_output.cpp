#include "analysis/crosstab_output.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "analysis/campaign_count.h"
#include "analysis/csv_output.h"
#include "analysis/json_output.h"
#include "analysis/text_columns.h"

namespace yousaid {

namespace {

using text::fixed;
using text::pad_left;
using text::pad_right;
using text::width;

std::string general(double value) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string unit_name(const Crosstab& t) { return t.unit == CountUnit::respondents ? "respondents" : "responses"; }

std::string count_text(const Crosstab& t, std::size_t r, std::size_t c) {
    return t.weighted ? fixed(t.weighted_count(r, c), 1) : std::to_string(t.counts[r][c]);
}

std::string base_text(const Crosstab& t, std::size_t c) {
    return t.weighted ? fixed(t.weighted_base(c), 1) : std::to_string(t.bases[c]);
}

std::string axis_name(Dimension d, const std::string& attribute) {
    return d == Dimension::attribute ? attribute : dimension_name(d);
}

std::string title_of(const Crosstab& t) {
    auto plural = [&](Dimension d) -> std::string {
        switch (d) {
            case Dimension::theme: return "Themes";
            case Dimension::group: return "Groups";
            case Dimension::channel: return "Channels";
            case Dimension::event: return "Events";
            case Dimension::question: return "Questions";
            case Dimension::polarity: return "Polarities";
            case Dimension::attribute: return t.row_attribute;
        }
        return "";
    };
    return plural(t.row_dimension) + " by " + axis_name(t.column_dimension, t.column_attribute) + ": " +
           (t.weighted ? "weighted " : "") + unit_name(t) + " and " +
           (t.percent_base == PercentBase::row ? "row" : "column") + " percentages";
}

std::string flag_of(const CellTest& test) { return test.direction > 0 ? "higher" : test.direction < 0 ? "lower" : ""; }

std::string base_flag(const Crosstab& t, std::size_t c) {
    return t.is_suppressed(c) ? "suppressed" : t.is_small(c) ? "small" : "";
}

std::string notes(const Crosstab& t) {
    std::string out;
    const std::string one = t.unit == CountUnit::respondents ? "A respondent" : "A response";
    if (t.percent_base == PercentBase::column) {
        if (t.row_dimension == Dimension::theme) {
            out += one + " can raise several themes, so a column can add to more than 100%.\n";
        } else if (t.row_dimension == Dimension::group) {
            out += one + " can be in several groups, or none, so a column need not add to 100%.\n";
        } else if (t.unit == CountUnit::responses && t.row_dimension != Dimension::attribute) {
            out += "Each response has one " + dimension_name(t.row_dimension) + ", so each column adds to 100%.\n";
        }
    } else {
        out += "Row percentages: each cell as a share of its row's total (the All column).\n";
    }
    out += "↑ ↓ significantly higher or lower than in the other columns together (column-proportion z-test):\n    p < " +
           general(t.significance_level) +
           (t.adjustment == Adjustment::none ? " with no adjustment for the "
                                             : " after " + adjustment_name(t.adjustment) + " adjustment over the ") +
           std::to_string(t.tested_cells) + (t.tested_cells == 1 ? " cell" : " cells") + " tested.\n";
    bool small = false, suppressed = false;
    for (std::size_t c = 0; c < t.bases.size(); ++c) {
        suppressed = suppressed || t.is_suppressed(c);
        small = small || (t.is_small(c) && !t.is_suppressed(c));
    }
    if (small) out += "*   base under " + std::to_string(t.small_base) + ": read with care.\n";
    if (suppressed) {
        out += "–   base under " + std::to_string(t.min_base) + ": not shown or tested (--min-base to change).\n";
    }
    if (t.weighted) {
        out += "Weighted to the population file: each column's counts and base are multiplied by its population "
               "share / sample share (the Weight line); column percentages and the tests are of the unweighted "
               "counts.\n";
        if (!t.unweighted_columns.empty()) {
            std::string names;
            for (const std::string& label : t.unweighted_columns) names += (names.empty() ? "" : ", ") + label;
            out += "Not weighted (no population share): " + names + ".\n";
        }
    }
    out += campaign_note(t.campaigns, t.campaign_members, t.every_member);
    return out;
}

}  // namespace


std::string crosstab_text(const Crosstab& t) {
    const std::string base_label = "Base (" + unit_name(t) + ")";
    std::size_t label_width = width(base_label);
    for (const std::string& label : t.row_labels) label_width = std::max(label_width, width(label));
    // A cell is "count percent arrow": counts right-aligned in the widest
    // count or base of the column, percentages in six places, then ↑, ↓ or a space.
    const std::size_t percent_width = 6;
    std::vector<std::size_t> count_widths, widths;
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        std::size_t w = width(base_text(t, c));
        if (t.weighted) w = std::max(w, width(fixed(t.weights[c], 2)));
        for (std::size_t r = 0; r < t.row_keys.size(); ++r) w = std::max(w, width(count_text(t, r, c)));
        count_widths.push_back(w);
        widths.push_back(std::max(width(t.column_labels[c]), w + 1 + percent_width + 1));
    }

    std::string out = title_of(t) + "\n\n" + pad_right("", label_width);
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) out += "   " + pad_left(t.column_labels[c], widths[c]);
    out += "\n";
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        out += pad_right(t.row_labels[r], label_width);
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            std::string cell;
            if (t.is_suppressed(c)) {
                cell = pad_left("–", count_widths[c] + 1 + percent_width) + " ";
            } else {
                const CellTest& test = t.tests[r][c];
                cell = pad_left(count_text(t, r, c), count_widths[c]) + " " +
                       pad_left(text::percent(t.shown_percent(r, c)), percent_width) +
                       (test.direction > 0 ? "↑" : test.direction < 0 ? "↓" : " ");
            }
            out += "   " + pad_left(cell, widths[c]);
        }
        out += "\n";
    }
    out += pad_right(base_label, label_width);
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        // The base under the counts, "*" in the space before the percentages.
        std::string base = pad_left(base_text(t, c), count_widths[c]) + (t.is_small(c) ? "*" : " ");
        out += "   " + pad_left(base + std::string(percent_width + 1, ' '), widths[c]);
    }
    out += "\n";
    if (t.weighted) {
        out += pad_right("Weight", label_width);
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            std::string weight = pad_left(fixed(t.weights[c], 2), count_widths[c]) + " ";
            out += "   " + pad_left(weight + std::string(percent_width + 1, ' '), widths[c]);
        }
        out += "\n";
    }
    // Trailing spaces of the aligned lines are of no use to anyone.
    std::string trimmed;
    std::size_t from = 0;
    while (from < out.size()) {
        std::size_t end = out.find('\n', from);
        std::string line = out.substr(from, end - from);
        line.erase(line.find_last_not_of(' ') + 1);
        trimmed += line + "\n";
        from = end + 1;
    }
    return trimmed + "\n" + notes(t);
}

std::string crosstab_csv(const Crosstab& t) {
    std::vector<std::string> header{axis_name(t.row_dimension, t.row_attribute),
                                    axis_name(t.column_dimension, t.column_attribute),
                                    "count", "base", "column_percent", "row_percent", "z", "p", "adjusted_p", "flag",
                                    "base_flag"};
    if (t.weighted) header.insert(header.end(), {"weight", "unweighted_count", "unweighted_base"});
    std::string out = csv_line(header);
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            const bool hidden = t.is_suppressed(c);
            const CellTest& test = t.tests[r][c];
            std::vector<std::string> line{t.row_labels[r],
                                          t.column_labels[c],
                                          hidden ? "" : count_text(t, r, c),
                                          base_text(t, c),
                                          hidden ? "" : fixed(t.percent(r, c), 1),
                                          hidden ? "" : fixed(t.row_percent(r, c), 1),
                                          test.tested ? fixed(test.z, 3) : "",
                                          test.tested ? general(test.p) : "",
                                          test.tested ? general(test.adjusted_p) : "",
                                          flag_of(test),
                                          base_flag(t, c)};
            if (t.weighted) {
                line.insert(line.end(), {fixed(t.weights[c], 4), hidden ? "" : std::to_string(t.counts[r][c]),
                                         std::to_string(t.bases[c])});
            }
            // Labels go through csv_cell; the numbers are ours, and a negative z
            // is a number, not a formula, so it is written as it is.
            std::string text = csv_cell(line[0]) + "," + csv_cell(line[1]);
            for (std::size_t i = 2; i < line.size(); ++i) text += "," + line[i];
            out += text + "\r\n";
        }
    }
    return out;
}

std::string crosstab_json(const Crosstab& t) {
    using nlohmann::json;
    auto round1 = [](double v) { return std::round(v * 10) / 10; };
    json rows = json::array(), columns = json::array(), cells = json::array();
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) rows.push_back({{"key", t.row_keys[r]}, {"label", t.row_labels[r]}});
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        json column = {{"key", t.column_keys[c]},       {"label", t.column_labels[c]},
                       {"base", t.bases[c]},            {"small_base", t.is_small(c)},
                       {"suppressed", t.is_suppressed(c)}};
        if (t.weighted) {
            column["weight"] = t.weights[c];
            column["weighted_base"] = round1(t.weighted_base(c));
        }
        columns.push_back(column);
    }
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        json line = json::array();
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            const CellTest& test = t.tests[r][c];
            json cell;
            if (t.is_suppressed(c)) {
                cell = {{"count", nullptr}, {"percent", nullptr}, {"column_percent", nullptr}, {"row_percent", nullptr}};
            } else {
                cell = {{"count", t.counts[r][c]},
                        {"percent", round1(t.shown_percent(r, c))},
                        {"column_percent", round1(t.percent(r, c))},
                        {"row_percent", round1(t.row_percent(r, c))}};
                if (t.weighted) cell["weighted_count"] = round1(t.weighted_count(r, c));
            }
            cell["z"] = test.tested ? json(test.z) : json(nullptr);
            cell["p"] = test.tested ? json(test.p) : json(nullptr);
            cell["adjusted_p"] = test.tested ? json(test.adjusted_p) : json(nullptr);
            cell["flag"] = flag_of(test);
            line.push_back(cell);
        }
        cells.push_back(line);
    }
    json out = {{"rows_by", axis_name(t.row_dimension, t.row_attribute)},
                {"columns_by", axis_name(t.column_dimension, t.column_attribute)},
                {"unit", unit_name(t)},
                {"percent", t.percent_base == PercentBase::row ? "row" : "column"},
                {"adjustment", adjustment_name(t.adjustment)},
                {"significance_level", t.significance_level},
                {"small_base", t.small_base},
                {"min_base", t.min_base},
                {"weighted", t.weighted},
                {"rows", rows},
                {"columns", columns},
                {"cells", cells},
                {"campaigns", {{"campaigns", t.campaigns},
                               {"responses", t.campaign_members},
                               {"counted_once", !t.every_member}}}};
    return json_text(out);
}

}  // namespace yousaid
