#pragma once
// The "We did" side of the report: what was done about each theme. A CSV file
// with columns theme, action, owner, status, and optionally reason; status is
// one of done, in progress, planned, not taken forward. `reason` says why a
// theme was not taken forward: in a file with the column, a "not taken
// forward" row needs one and no other row may have one. Files without the
// column say why in the action, as they always did.
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
    std::string reason;  // only with status "not taken forward"; may be empty in a file without the column
};

struct ActionsRead {
    std::map<std::string, ThemeAction> by_theme;
    std::vector<Diagnostic> errors;  // bad status, reason missing or out of place, repeated theme, CSV errors
};

ActionsRead read_actions(const std::string& path);

}  // namespace yousaid::report
