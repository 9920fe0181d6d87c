#pragma once
// Which column of a table plays which part in a response, found from the
// header (and, for open questions, from the values), or given by a map file.
//
// Two layouts: one text column (with perhaps a question column), one response
// per row; or several open questions, one row per respondent, giving one
// response per answered question with the question kept. A column is an open
// question when a map names it as text or, with no text column by name, when
// its header reads as a question ("...?" or a survey tool's "Open-Ended
// Response") and its answers are long and varied (closed questions such as
// "How old are you?" become attributes).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/header_shape.h"
#include "ingest/map_file.h"
#include "ingest/table.h"

namespace yousaid {

struct TextColumn {
    std::size_t index = 0;
    // Kept with each response: the open question the column answers, or empty
    // for a plain text column ("Comment") beside a question column or none.
    std::string question;
};

struct AttributeColumn {
    std::size_t index = 0;
    std::string name;                           // snake_case
    std::map<std::string, std::string> values;  // case-folded value -> stored value (from a map file)
    // A choice column of a two-row header ("Which apply? / I am a carer") holds
    // its own label when ticked: that value is stored as "yes".
    std::string ticked_label;
};

struct ColumnMapping {
    std::optional<std::size_t> id, event, channel, date, question;
    std::vector<TextColumn> text;               // more than one: the open-questions layout
    std::map<std::string, std::string> constants;  // event, channel, date, question for every row
    std::vector<AttributeColumn> attributes;
    std::vector<std::size_t> skipped;           // personal data and columns a map skips: never stored

    bool open_questions() const { return text.size() > 1; }
};

struct MappingResult {
    ColumnMapping mapping;
    std::vector<Diagnostic> errors;  // a map naming a missing column; no text column at all
};

// Whether a column's answers are open (free text) is judged on its first
// this many rows after the header; map_columns reads no further, so a large
// file's mapping needs only its first rows.
inline constexpr std::size_t kColumnSampleRows = 10000;

// `map` may be null. Columns a map does not mention are mapped as without one.
MappingResult map_columns(const Table& table, const TableHeader& header, const MapFile* map,
                          const std::string& file_name);

// The stored value of an attribute: from the map's value list when it has the
// value, else tidied for well-known attributes ("18 to 24" -> "18-24" for
// age_band, "SK10 3BL" -> "SK10" for postcode_district: a full postcode is
// never kept).
std::string attribute_value(const AttributeColumn& column, const std::string& value);

// The mapping in words, one line per column, for `yousaid inspect`.
std::vector<std::string> describe_mapping(const ColumnMapping& mapping, const TableHeader& header);

}  // namespace yousaid
