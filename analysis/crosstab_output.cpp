#include "analysis/crosstab_output.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "analysis/csv_output.h"

namespace yousaid {

namespace {

// Display width of UTF-8 text, one column a code point.
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad_right(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }
std::string pad_left(const std::string& s, std::size_t w) { return std::string(w > width(s) ? w - width(s) : 0, ' ') + s; }

std::string title_of(const Crosstab& t) {
    auto plural = [](Dimension d) {
        switch (d) {
            case Dimension::theme: return "Themes";
            case Dimension::group: return "Groups";
            case Dimension::channel: return "Channels";
            case Dimension::event: return "Events";
        }
        return "";
    };
    return std::string(plural(t.row_dimension)) + " by " + dimension_name(t.column_dimension) +
           ": responses and column percentages";
}

}  // namespace

std::string format_percent(double percent) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", percent);
    return buffer;
}

std::string crosstab_text(const Crosstab& t) {
    std::size_t label_width = width("Base (responses)");
    for (const std::string& label : t.row_labels) label_width = std::max(label_width, width(label));
    std::vector<std::size_t> widths;
    for (const std::string& label : t.column_labels) widths.push_back(std::max<std::size_t>(width(label), 13));

    std::string out = title_of(t) + "\n\n" + pad_right("", label_width);
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) out += "  " + pad_left(t.column_labels[c], widths[c]);
    out += "\n";
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        out += pad_right(t.row_labels[r], label_width);
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            std::string cell = std::to_string(t.counts[r][c]) + pad_left(format_percent(t.percent(r, c)), 7);
            out += "  " + pad_left(cell, widths[c]);
        }
        out += "\n";
    }
    out += pad_right("Base (responses)", label_width);
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        out += "  " + pad_left(std::to_string(t.bases[c]) + std::string(7, ' '), widths[c]);
    }
    out += "\n\nA response can raise several themes, so a column can add to more than 100%.\n";
    if (t.campaigns > 0) {
        std::string campaigns = std::to_string(t.campaigns) + (t.campaigns == 1 ? " campaign" : " campaigns") +
                                " with " + std::to_string(t.campaign_members) + " responses";
        out += t.every_member ? "Campaigns: every response counted, " + campaigns + ".\n"
                              : "Campaigns counted once: " + campaigns + " (use --every-member to count each).\n";
    }
    return out;
}

std::string crosstab_csv(const Crosstab& t) {
    std::string out = csv_line({dimension_name(t.row_dimension), dimension_name(t.column_dimension), "count",
                                "base", "column_percent"});
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            char percent[32];
            std::snprintf(percent, sizeof percent, "%.1f", t.percent(r, c));
            out += csv_line({t.row_labels[r], t.column_labels[c], std::to_string(t.counts[r][c]),
                             std::to_string(t.bases[c]), percent});
        }
    }
    return out;
}

std::string crosstab_json(const Crosstab& t) {
    using nlohmann::json;
    json rows = json::array(), columns = json::array(), cells = json::array();
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) rows.push_back({{"key", t.row_keys[r]}, {"label", t.row_labels[r]}});
    for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
        columns.push_back({{"key", t.column_keys[c]}, {"label", t.column_labels[c]}, {"base", t.bases[c]}});
    }
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
        json line = json::array();
        for (std::size_t c = 0; c < t.column_labels.size(); ++c) {
            line.push_back({{"count", t.counts[r][c]}, {"percent", std::round(t.percent(r, c) * 10) / 10}});
        }
        cells.push_back(line);
    }
    json out = {{"rows_by", dimension_name(t.row_dimension)},
                {"columns_by", dimension_name(t.column_dimension)},
                {"rows", rows},
                {"columns", columns},
                {"cells", cells},
                {"campaigns", {{"campaigns", t.campaigns},
                               {"responses", t.campaign_members},
                               {"counted_once", !t.every_member}}}};
    return out.dump(2) + "\n";
}

}  // namespace yousaid
