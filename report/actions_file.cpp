#include "report/actions_file.h"

#include <algorithm>
#include <array>

#include "ingest/unicode_text.h"
#include "analysis/keyed_csv.h"

namespace yousaid::report {

namespace {
constexpr std::array<const char*, 4> kStatuses = {"done", "in progress", "planned", "not taken forward"};
constexpr const char* kNotTakenForward = "not taken forward";
}

ActionsRead read_actions(const std::string& path) {
    ActionsRead out;
    KeyedCsv csv = read_keyed_csv(path, {"theme", "action", "owner", "status"});
    out.errors = csv.errors;
    for (const KeyedRow& row : csv.rows) {
        auto error = [&](const char* column, const std::string& message) {
            out.errors.push_back({{path, row.line, row.columns.at(column)}, message, row.line_text});
        };
        ThemeAction action{row.cells.at("theme"), row.cells.at("action"), row.cells.at("owner"),
                           fold_case(row.cells.at("status")), ""};
        bool known = std::find(kStatuses.begin(), kStatuses.end(), action.status) != kStatuses.end();
        if (!known) {
            error("status", "status \"" + row.cells.at("status") +
                                "\" is not one of: done, in progress, planned, not taken forward");
            continue;
        }
        if (auto reason = row.cells.find("reason"); reason != row.cells.end()) {
            action.reason = reason->second;
            if (action.status == kNotTakenForward && action.reason.empty()) {
                error("reason", "theme \"" + action.theme + "\" is not taken forward: say why in the reason column");
                continue;
            }
            if (action.status != kNotTakenForward && !action.reason.empty()) {
                error("reason", "a reason is given only for status \"not taken forward\" (this row's status is \"" +
                                    action.status + "\")");
                continue;
            }
        }
        if (out.by_theme.count(action.theme)) {
            error("theme", "theme \"" + action.theme + "\" already has an action");
            continue;
        }
        out.by_theme[action.theme] = action;
    }
    return out;
}

}  // namespace yousaid::report
