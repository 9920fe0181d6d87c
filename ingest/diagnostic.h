#pragma once
// A problem found in an input file, reported as the user should see it:
//   file:line:column: error: message
//       the source line
//       ^
// Lines and columns are 1-based; the column counts Unicode code points, so the
// caret sits under the right character in UTF-8 text.
#include <string>
#include <string_view>
#include <vector>

namespace yousaid {

struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

struct Diagnostic {
    SourceLocation where;
    std::string message;
    std::string source_line;  // the whole line, without its line end; may be empty

    // The first line alone: "file:line:column: error: message"; for a problem
    // with the whole file (line 0, whose message names the file), "yousaid: message".
    std::string headline() const;
    // The headline, then the source line and a caret under the column, each
    // indented by four spaces, ending in a newline. A line of more than 100
    // characters is shown as the 100 around the column, "…" marking each cut;
    // control characters and bytes that are not UTF-8 show as U+FFFD.
    std::string format() const;
};

// `line` as a diagnostic prints it, one string a character: each byte that is
// not UTF-8, and each control character but tab, becomes U+FFFD, so nothing in
// a file moves the terminal's cursor and a column still counts one a character.
std::vector<std::string> printable_characters(std::string_view line);

// The line of `text` that holds byte `offset`, without its line end, and the
// 1-based line and column (in code points) of that byte.
struct LinePosition {
    int line = 1;
    int column = 1;
    std::string text;
};
LinePosition locate(const std::string& text, std::size_t offset);

// The 1-based column, in code points, of the byte at `at` on a line that starts
// at `line_start`.
int code_point_column(std::string::const_iterator line_start, std::string::const_iterator at);

// Line `line` (1-based) of `text` without its line end; empty past the end.
std::string locate_line(const std::string& text, int line);

}  // namespace yousaid
