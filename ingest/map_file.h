#pragma once
// A column map (--map FILE; format in README "Column maps"): which column holds
// the id, the text (one or several open questions), event, channel, date and
// question; constant values for a whole file; attributes with value maps; and
// columns to leave out. Parsed with a Spirit X3 grammar.
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

// A column named in a map: by its header text (compared ignoring case and
// surrounding spaces; with two header rows, "question / sub-answer" or either
// part alone when that is unique).
struct ColumnRef {
    std::string header;
    SourceLocation where;  // in the map file, for "no column ..." errors
};

struct AttributeMap {
    std::string name;                             // snake_case attribute name
    ColumnRef column;
    std::map<std::string, std::string> values;    // as written (case-folded key) -> stored value
};

struct MapFile {
    std::vector<ColumnRef> id;         // at most one
    std::vector<ColumnRef> text;       // one or more: each an open question
    std::vector<ColumnRef> event, channel, date, question;  // at most one each
    std::map<std::string, std::string> constants;  // "event", "channel", "date", "question" -> value
    std::vector<AttributeMap> attributes;
    std::vector<ColumnRef> skip;       // never stored (names, emails, IP addresses)
};

struct MapFileParse {
    MapFile map;
    std::vector<Diagnostic> errors;
};

MapFileParse parse_map_file(const std::string& text, const std::string& file_name);

}  // namespace yousaid
