#pragma once
// The "We did" side of the report: what was done about each theme. A CSV file
// with columns theme, action, owner, status; status is one of done, in progress,
// planned, not taken forward (for that one the action says why).
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid::report {

struct ThemeAction {
    std::string theme;   // a codebook theme id
    std::string action;
    std::string owner;
    std::string status;  // as listed above, lower case
};

struct ActionsRead {
    std::map<std::string, ThemeAction> by_theme;
    std::vector<Diagnostic> errors;  // bad status, repeated theme, CSV errors
};

ActionsRead read_actions(const std::string& path);

}  // namespace yousaid::report
