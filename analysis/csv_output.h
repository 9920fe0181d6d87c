#pragma once
// Writing CSV that is safe to open in Excel: RFC 4180 quoting, and a cell that
// would start a formula (= + - @, tab or carriage return) is prefixed with an
// apostrophe so spreadsheet programs show it as text.
#include <string>
#include <vector>

namespace yousaid {

// The value with an apostrophe before it when a spreadsheet would take it for
// a formula; otherwise as it is.
std::string spreadsheet_text(const std::string& value);

std::string csv_cell(const std::string& value);
// The cells joined by commas, ending in CRLF as RFC 4180 writes.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace yousaid
