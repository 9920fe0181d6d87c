#include "report/actions_file.h"

#include <algorithm>
#include <array>

#include "ingest/unicode_text.h"
#include "analysis/keyed_csv.h"

namespace yousaid::report {

namespace {
constexpr std::array<const char*, 4> kStatuses = {"done", "in progress", "planned", "not taken forward"};
}

ActionsRead read_actions(const std::string& path) {
    ActionsRead out;
    KeyedCsv csv = read_keyed_csv(path, {"theme", "action", "owner", "status"});
    out.errors = csv.errors;
    for (const KeyedRow& row : csv.rows) {
        ThemeAction action{row.cells.at("theme"), row.cells.at("action"), row.cells.at("owner"),
                           fold_case(row.cells.at("status"))};
        bool known = std::find(kStatuses.begin(), kStatuses.end(), action.status) != kStatuses.end();
        if (!known) {
            out.errors.push_back({{path, row.line, row.columns.at("status")},
                                  "status \"" + row.cells.at("status") +
                                      "\" is not one of: done, in progress, planned, not taken forward",
                                  row.line_text});
            continue;
        }
        if (out.by_theme.count(action.theme)) {
            out.errors.push_back({{path, row.line, row.columns.at("theme")},
                                  "theme \"" + action.theme + "\" already has an action", row.line_text});
            continue;
        }
        out.by_theme[action.theme] = action;
    }
    return out;
}

}  // namespace yousaid::report
