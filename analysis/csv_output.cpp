#include "analysis/csv_output.h"

namespace yousaid {

std::string spreadsheet_text(const std::string& value) {
    if (!value.empty() && std::string("=+-@\t\r").find(value[0]) != std::string::npos) return "'" + value;
    return value;
}

std::string csv_cell(const std::string& value) {
    const std::string text = spreadsheet_text(value);
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) line += ',';
        line += csv_cell(cells[i]);
    }
    return line + "\r\n";
}

}  // namespace yousaid
