#include "ingest/diagnostic.h"

#include <algorithm>
#include <vector>

#include <unicode/utf8.h>

namespace yousaid {

namespace {

bool is_utf8_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The most characters of a source line a diagnostic shows: a record of a
// thousand characters, or a binary file's first "line", would otherwise fill
// the screen. A longer line is cut to this many around the column, with "…" at
// each end cut.
constexpr std::size_t kShownCharacters = 100;

}  // namespace

std::vector<std::string> printable_characters(std::string_view line) {
    std::vector<std::string> out;
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    const auto length = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) i = start + 1;  // each byte of a malformed sequence is a character of its own
        const bool control = (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
        out.push_back(c < 0 || control ? "\xEF\xBF\xBD" : std::string(line.substr(start, i - start)));
    }
    return out;
}

std::string Diagnostic::headline() const {
    // A problem with the whole file has no line; its message names the file.
    if (where.line == 0) return "yousaid: " + message;
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
           ": error: " + message;
}

std::string Diagnostic::format() const {
    std::string out = headline() + "\n";
    if (source_line.empty()) return out;
    const std::vector<std::string> characters = printable_characters(source_line);
    const std::size_t at = where.column > 1 ? static_cast<std::size_t>(where.column - 1) : 0;
    std::size_t first = 0, last = characters.size();
    if (characters.size() > kShownCharacters) {
        first = std::min(at > kShownCharacters / 2 ? at - kShownCharacters / 2 : 0,
                         characters.size() - kShownCharacters);
        last = first + kShownCharacters;
    }
    std::string shown = first > 0 ? "\u2026" : "";
    std::string caret(first > 0 ? 1 : 0, ' ');
    for (std::size_t i = first; i < last; ++i) {
        shown += characters[i];
        // Tabs keep their width so the caret lines up under a tabbed source line.
        if (i < at) caret += characters[i] == "\t" ? '\t' : ' ';
    }
    if (last < characters.size()) shown += "\u2026";
    if (at > last) caret.append(at - last, ' ');  // a column just past the line's end
    return out + "    " + shown + "\n    " + caret + "^\n";
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
