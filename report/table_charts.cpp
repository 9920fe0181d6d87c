#include "report/table_charts.h"

#include <algorithm>

namespace yousaid::report {

namespace {

const std::string& cell(const std::vector<std::string>& row, std::size_t column) {
    static const std::string empty;
    return column < row.size() ? row[column] : empty;
}

// "3 themes", "1 theme": `plural` ends in 's'.
std::string count_of(std::size_t n, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? plural.substr(0, plural.size() - 1) : plural);
}

// "a, b and c"
std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    }
    return out;
}

}  // namespace

std::optional<double> cell_number(const std::string& text) {
    std::size_t end = text.size();
    if (end > 0 && text[end - 1] == '%') --end;
    double whole = 0, fraction = 0, scale = 1;
    int digits = 0, since_comma = -1;  // digits since the last comma; -1 before any
    bool point = false;
    for (std::size_t i = 0; i < end; ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            ++digits;
            if (point) {
                scale /= 10;
                fraction += (ch - '0') * scale;
            } else {
                whole = whole * 10 + (ch - '0');
                if (since_comma >= 0) ++since_comma;
            }
        } else if ((ch == ',' || ch == '.') && digits > 0 && !point && (since_comma < 0 || since_comma == 3)) {
            if (ch == '.') point = true;
            else since_comma = 0;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || text[end - 1] == '.' || text[end - 1] == ',') return std::nullopt;
    if (!point && since_comma >= 0 && since_comma != 3) return std::nullopt;
    return whole + fraction;
}

Chart share_chart(const Table& table, std::size_t rows, const std::string& title, const std::string& what) {
    Chart chart;
    chart.title = title;
    chart.axis_title = "Share of responses";
    chart.unit = "%";
    ChartSeries shares;
    shares.name = "Share of responses";
    rows = std::min(rows, table.rows.size());
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& row = table.rows[r];
        chart.categories.push_back(cell(row, 0));
        shares.values.push_back(cell_number(cell(row, 2)));
        shares.labels.push_back(cell(row, 1) + " (" + cell(row, 2) + ")");
    }
    chart.series.push_back(std::move(shares));
    if (rows > 0) {
        auto describe = [&](std::size_t r) {
            return cell(table.rows[r], 0) + ", " + cell(table.rows[r], 1) + " responses (" + cell(table.rows[r], 2) + ")";
        };
        chart.alt_text = "A bar chart of the share of responses for each of " + count_of(rows, what) + ", from " +
                         describe(0) + (rows > 1 ? ", to " + describe(rows - 1) : "") + ".";
    }
    return chart;
}

Chart reach_chart(const Table& by_group) {
    const bool population = by_group.header.size() > 3;
    Chart chart;
    chart.title = population ? "Share of responses and of the population, by group" : "Share of responses by group";
    chart.axis_title = "Share";
    chart.unit = "%";
    ChartSeries responses{"Share of responses", {}, {}}, people{"Share of population (approx.)", {}, {}};
    int more = 0, less = 0, unknown = 0;
    for (const auto& row : by_group.rows) {
        chart.categories.push_back(cell(row, 0));
        responses.values.push_back(cell_number(cell(row, 2)));
        responses.labels.push_back(cell(row, 2));
        if (!population) continue;
        people.values.push_back(cell_number(cell(row, 3)));
        people.labels.push_back(cell(row, 3));
        if (!responses.values.back() || !people.values.back()) ++unknown;
        else if (*responses.values.back() > *people.values.back()) ++more;
        else ++less;
    }
    chart.series.push_back(std::move(responses));
    const std::string groups = count_of(chart.categories.size(), "groups");
    if (!population) {
        chart.alt_text = "A bar chart of the share of responses from each of " + groups + ".";
        return chart;
    }
    chart.series.push_back(std::move(people));
    chart.alt_text = "Paired bars for " + groups +
                     ", each group's share of responses beside its approximate share of the population: " +
                     std::to_string(more) + " made up more of the responses than of the population, " +
                     std::to_string(less) + " the same or less";
    chart.alt_text += unknown > 0 ? ", and " + std::to_string(unknown) + " cannot be compared." : ".";
    return chart;
}

Chart crosstab_chart(const std::vector<Block>& tables, std::size_t theme_rows, const std::string& dimension,
                     std::size_t top) {
    Chart chart;
    const Table* first = tables.empty() ? nullptr : std::get_if<Table>(&tables.front());
    if (first == nullptr || first->header.size() < 3) return chart;

    // The themes most raised overall (the all-responses column), in that order.
    std::vector<std::size_t> order;
    for (std::size_t r = 0; r < first->rows.size() && r < theme_rows; ++r) order.push_back(r);
    auto overall = [&](std::size_t r) { return cell_number(cell(first->rows[r], 1)).value_or(-1); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return overall(a) > overall(b); });
    if (order.size() > top) order.resize(top);

    std::size_t all_columns = 0;
    for (const Block& block : tables) {
        if (const auto* t = std::get_if<Table>(&block)) all_columns += t->header.size() > 2 ? t->header.size() - 2 : 0;
    }
    std::vector<std::string> names;
    bool small = false;
    for (std::size_t c = 2; c < first->header.size(); ++c) {
        ChartSeries series;
        series.name = first->header[c];
        small = small || (!series.name.empty() && series.name.back() == '*');
        for (std::size_t r : order) {
            series.values.push_back(cell_number(cell(first->rows[r], c)));
            series.labels.push_back(cell(first->rows[r], c));
        }
        names.push_back(series.name);
        chart.series.push_back(std::move(series));
    }
    for (std::size_t r : order) chart.categories.push_back(cell(first->rows[r], 0));

    const std::string plural = dimension + "s";
    chart.title = "The " + count_of(order.size(), "themes") + " raised most, by " + dimension;
    chart.axis_title = "Share of the " + dimension + "\u2019s responses raising the theme";
    chart.unit = "%";
    chart.note = "The " + std::to_string(order.size()) + " themes raised most across all responses";
    chart.note += names.size() < all_columns
                      ? ", for the first " + std::to_string(names.size()) + " of the " + count_of(all_columns, plural) +
                            " in the table below, which has every theme and " + dimension + "."
                      : "; the table below has every theme.";
    if (small) chart.note += " * Fewer than 30 responses: read with caution.";
    std::vector<std::string> themes(chart.categories.begin(), chart.categories.end());
    chart.alt_text = "Grouped bars for the " + count_of(order.size(), "themes") + " raised most (" + listed(themes) +
                     "), each with a bar for the share of responses that raised it in each of " +
                     count_of(names.size(), plural) + ": " + listed(names) + ".";
    return chart;
}

}  // namespace yousaid::report
