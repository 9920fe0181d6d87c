#include "report/report_context.h"

#include <algorithm>

#include "analysis/schema.h"

namespace yousaid::report {

std::vector<std::pair<const Theme*, Xapian::doccount>> themes_by_count(const ReportContext& c) {
    std::vector<std::pair<const Theme*, Xapian::doccount>> out;
    for (const Theme& t : c.codebook.themes) {
        auto found = c.summary.by_theme.find(t.id);
        if (found != c.summary.by_theme.end() && found->second > 0) out.emplace_back(&t, found->second);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

const Crosstab& crosstab_of(const ReportContext& c, const Axis& rows, const Axis& columns) {
    auto key = std::make_pair(rows.name(), columns.name());
    auto found = c.crosstabs.find(key);
    if (found == c.crosstabs.end()) {
        found = c.crosstabs.emplace(std::move(key), crosstab(c.db, rows, columns, {c.every_member})).first;
    }
    return found->second;
}

std::string table_place(const std::string& caption) { return "the table \"" + caption + "\""; }

}  // namespace yousaid::report
