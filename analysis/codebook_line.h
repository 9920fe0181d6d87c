#pragma once
// One line of a codebook, classified by its form (README "Codebook"). Which
// block a line belongs to, and whether an indented line continues a property,
// is the parser's job (analysis/codebook_parser.cpp).
#include <string>

namespace yousaid {

struct CodebookLine {
    enum class Kind {
        blank,     // empty or only spaces and tabs
        comment,   // first non-blank character is '#'
        block,     // "theme ..." or "group ..." in column 1 (the id may be missing or bad)
        property,  // name: value, at any indent (in column 1 it may be a header key)
        other,     // none of these
    };
    Kind kind = Kind::other;
    int indent = 0;        // leading spaces and tabs
    std::string text;      // the line without its indent, trimmed
    int text_column = 1;   // 1-based code-point column where `text` starts
    std::string keyword;   // block: "theme" or "group"
    std::string name;      // property: the name as written
    std::string value;     // block: the id; property: the value (trimmed; may be empty)
    int value_column = 1;  // where `value` starts (or would, when it is empty)
};

// `line` is one line without its line end.
CodebookLine parse_codebook_line(const std::string& line);

}  // namespace yousaid
