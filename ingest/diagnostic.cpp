#include "ingest/diagnostic.h"

namespace yousaid {

namespace {
bool is_utf8_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

std::string Diagnostic::headline() const {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
           ": error: " + message;
}

std::string Diagnostic::format() const {
    std::string out = headline() + "\n";
    if (source_line.empty()) return out;
    out += "    " + source_line + "\n    ";
    // Tabs keep their width so the caret lines up under a tabbed source line.
    int column = 1;
    for (std::size_t i = 0; i < source_line.size() && column < where.column; ++i) {
        unsigned char c = static_cast<unsigned char>(source_line[i]);
        if (is_utf8_continuation(c)) continue;
        out += (c == '\t') ? '\t' : ' ';
        ++column;
    }
    for (; column < where.column; ++column) out += ' ';
    return out + "^\n";
}

LinePosition locate(const std::string& text, std::size_t offset) {
    LinePosition pos;
    if (offset > text.size()) offset = text.size();
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            line_start = i + 1;
        }
    }
    for (std::size_t i = line_start; i < offset; ++i) {
        if (!is_utf8_continuation(static_cast<unsigned char>(text[i]))) ++pos.column;
    }
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
    pos.text = text.substr(line_start, line_end - line_start);
    return pos;
}

int code_point_column(std::string::const_iterator line_start, std::string::const_iterator at) {
    int column = 1;
    for (; line_start != at; ++line_start) {
        if (!is_utf8_continuation(static_cast<unsigned char>(*line_start))) ++column;
    }
    return column;
}

std::string locate_line(const std::string& text, int line) {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    return locate(text, start).text;
}

}  // namespace yousaid
