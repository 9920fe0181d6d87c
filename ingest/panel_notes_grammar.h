#pragma once
// One line of stakeholder-panel notes, classified by its form (README
// "Stakeholder-panel notes"). Meaning (which keys exist, what a value must look
// like, which point a continuation belongs to) is the reader's job.
#include <string>
#include <utility>
#include <vector>

namespace yousaid {

struct NotesLine {
    enum class Kind {
        blank,         // empty or only spaces and tabs
        comment,       // '#' in column 1
        field,         // key: value, the key in column 1
        point,         // "- " in column 1, then optional {attributes}, then text;
                       // error is set when the attributes do not parse
        continuation,  // indented by two spaces or a tab, then text
        bad,           // none of these
    };
    Kind kind = Kind::bad;
    std::string key;    // field: lower-cased
    std::string value;  // field: the value; point and continuation: the text (trimmed)
    int column = 1;     // 1-based code-point column of the value or text; for bad, of the problem
    std::vector<std::pair<std::string, std::string>> attributes;  // point: names snake_case, values trimmed
    std::string error;  // bad, or a point with bad attributes: what is wrong
};

// `line` is one line without its line end.
NotesLine parse_notes_line(const std::string& line);

}  // namespace yousaid
