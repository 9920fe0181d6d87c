#pragma once
// JSON as every command prints it: indented, ending in a newline, and safe to
// load into a spreadsheet (Power Query, an import add-in): each string value
// that would start a formula gets the apostrophe csv_output.h gives a CSV cell.
// Keys, numbers and the structure are untouched.
#include <string>

#include <nlohmann/json.hpp>

namespace yousaid {

// `indent` as nlohmann's dump: -1 for one line (JSON Lines). Ends in a newline.
std::string json_text(const nlohmann::json& value, int indent = 2);

}  // namespace yousaid
