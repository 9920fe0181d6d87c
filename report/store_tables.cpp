#include "report/store_tables.h"

#include <algorithm>
#include <map>

#include "report/figure_words.h"
#include "report/table_charts.h"

namespace yousaid::report {

namespace {

std::vector<std::pair<std::string, Xapian::doccount>> largest_first(const std::map<std::string, Xapian::doccount>& m) {
    std::vector<std::pair<std::string, Xapian::doccount>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return v;
}

Table group_reach_table(const ReportContext& c) {
    Table t;
    const Xapian::doccount all = c.summary.counted;
    const bool with_population = !c.population.by_group.empty();
    t.caption = "Responses from seldom-heard groups";
    t.header = {"Group", "Responses", "Share of responses"};
    t.right_aligned = {false, true, true};
    if (with_population) {
        t.header.push_back("Share of population (approx.)");
        t.right_aligned.push_back(true);
    }
    for (const Group& g : c.codebook.groups) {
        auto found = c.summary.by_group.find(g.id);
        Xapian::doccount n = found == c.summary.by_group.end() ? 0 : found->second;
        std::vector<std::string> row = {g.title, with_commas(n), c.figures->share(n, all, table_place(t.caption))};
        if (with_population) {
            auto share = c.population.by_group.find(g.id);
            row.push_back(share == c.population.by_group.end() ? "no figure" : whole_percent(share->second.percent));
        }
        t.rows.push_back(row);
    }
    t.note = "A response can come from someone in several groups, or in none. Groups are recognised from what "
             "people told us about themselves and, where they did not say, from what they wrote.";
    if (with_population) {
        t.note += " Population shares are approximate (" + c.population.by_group.begin()->second.note + ").";
    }
    if (c.figures->hidden(all)) t.note += " " + c.figures->hidden_note();
    return t;
}

// What the percentages of a cross-tab with these rows mean, under its last table.
std::string crosstab_note(const Axis& rows) {
    if (rows.dimension == Dimension::theme) {
        return "Column percentages: of the responses in each column, the share that raised the theme. One response "
               "can raise several themes, so columns add to more than 100%.";
    }
    if (rows.dimension == Dimension::group) {
        return "Column percentages: of the responses in each column, the share from each group. A response can come "
               "from someone in several groups, or in none, so columns need not add to 100%.";
    }
    return "Column percentages: of the responses in each column, the share in each row.";
}

}  // namespace

Table reach_table(const ReportContext& c, const std::string& by) {
    if (by == "group") return group_reach_table(c);
    Table t;
    const Xapian::doccount all = c.summary.counted;  // a campaign once, as the counts are
    const auto& counts = by == "event" ? c.summary.by_event : c.summary.by_channel;
    t.caption = by == "event" ? "Responses by event" : "Responses by channel";
    t.header = {by == "event" ? "Event" : "Channel", "Responses", "Share"};
    t.right_aligned = {false, true, true};
    for (const auto& [name, n] : largest_first(counts)) {
        t.rows.push_back(
            {name.empty() ? "(not given)" : name, with_commas(n), c.figures->share(n, all, table_place(t.caption))});
    }
    t.rows.push_back({"All responses", with_commas(all), c.figures->share(all, all, table_place(t.caption))});
    if (c.figures->hidden(all)) t.note = c.figures->hidden_note();
    return t;
}

Table themes_table(const ReportContext& c) {
    Table t;
    t.caption = "Themes raised";
    t.header = {"Theme", "Responses", "Share of responses"};
    t.right_aligned = {false, true, true};
    const std::string place = table_place(t.caption);
    for (const auto& [theme, n] : themes_by_count(c)) {
        t.rows.push_back({theme->title, with_commas(n), c.figures->share(n, c.summary.counted, place)});
    }
    t.note = count_of(c.summary.untagged, "response");
    if (!c.figures->hidden(c.summary.counted)) {
        t.note += " (" + c.figures->share(c.summary.untagged, c.summary.counted, place) + ")";
    }
    t.note += " raised none of these themes; many were about other matters or too short to code.";
    if (c.summary.campaigns > 0) {
        t.note += " " + with_commas(c.summary.campaign_members) + " identical or near-identical responses from " +
                  count_of(c.summary.campaigns, "campaign") + " are" +
                  (c.every_member ? " each counted." : " counted once, as one response per campaign.");
    }
    if (c.figures->hidden(c.summary.counted)) t.note += " " + c.figures->hidden_note();
    return t;
}

std::vector<Block> crosstab_tables(const ReportContext& c, const Axis& rows, const Axis& columns) {
    constexpr std::size_t kColumnsPerTable = 5;
    const Crosstab& x = crosstab_of(c, rows, columns);
    const std::string row_name = as_heading(rows.name()), column_name = as_heading(columns.name());
    std::size_t others = x.column_labels.size() - 1;
    std::size_t parts = others == 0 ? 1 : (others + kColumnsPerTable - 1) / kColumnsPerTable;
    std::vector<Block> tables;
    for (std::size_t part = 0; part < parts; ++part) {
        std::vector<std::size_t> shown = {0};
        for (std::size_t col = 1 + part * kColumnsPerTable; col <= others && col <= (part + 1) * kColumnsPerTable; ++col) {
            shown.push_back(col);
        }
        Table t;
        t.caption = rows.dimension == Dimension::theme
                        ? "Share of responses raising each theme, by " + in_sentence(column_name)
                        : "Share of responses by " + in_sentence(row_name) + ", for each " + in_sentence(column_name);
        if (parts > 1) t.caption += " (" + std::to_string(part + 1) + " of " + std::to_string(parts) + ")";
        t.header.push_back(row_name);
        t.right_aligned.push_back(false);
        bool small = false, hidden = false;
        for (std::size_t col : shown) {
            hidden = hidden || c.figures->hidden(x.bases[col]);
            std::string mark = x.bases[col] < kSmallBase && !c.figures->hidden(x.bases[col]) ? "*" : "";
            small = small || !mark.empty();
            t.header.push_back(x.column_labels[col] + " (n=" + with_commas(x.bases[col]) + ")" + mark);
            t.right_aligned.push_back(true);
        }
        for (std::size_t r = 0; r < x.row_keys.size(); ++r) {
            std::vector<std::string> row = {x.row_labels[r]};
            for (std::size_t col : shown) {
                const std::string place = table_place(t.caption) + ", column \"" + x.column_labels[col] + "\",";
                row.push_back(c.figures->percent(x.percent(r, col), x.bases[col], place));
            }
            t.rows.push_back(row);
        }
        if (part + 1 == parts) t.note = crosstab_note(rows);
        if (small) t.note += std::string(t.note.empty() ? "" : " ") + "* Fewer than 30 responses: read with caution.";
        if (hidden) t.note += std::string(t.note.empty() ? "" : " ") + c.figures->hidden_note();
        tables.push_back(std::move(t));
    }
    return tables;
}

Chart chart_of(const ReportContext& c, const std::string& name, const std::string& by, const std::vector<Block>& tables) {
    const Table& table = std::get<Table>(tables.front());
    if (name == "themes") return share_chart(table, table.rows.size(), "Share of responses raising each theme", "themes");
    if (name == "crosstab") return crosstab_chart(tables, c.codebook.themes.size(), by);  // codebook themes come first
    if (by == "group") return reach_chart(table);
    return share_chart(table, table.rows.size() - 1, "Share of responses by " + by, by + "s");  // less the total row
}

}  // namespace yousaid::report
