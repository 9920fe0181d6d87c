#pragma once
// Reading JSON Lines (one JSON object per line) as a Table. The header is the
// keys in order of first appearance; each object is one record whose fields
// are its values in header order (strings as they are, numbers and booleans as
// written, null and missing keys empty; nested arrays and objects as compact
// JSON). A line that is not a JSON object is a malformed record with an error
// at its line and column. Blank lines are skipped.
#include <string>

#include "ingest/table.h"

namespace yousaid {

Table read_jsonl(const std::string& utf8_text, const std::string& file_name);

}  // namespace yousaid
