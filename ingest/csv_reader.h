#pragma once
// Responses from CSV: RFC 4180 records (ingest/csv_grammar.h) mapped to roles by
// header name (see README "CSV columns"). A record is rejected, with its location,
// when it cannot be parsed, has a different number of fields from the header, has
// an empty text, or has a date that is not YYYY-MM-DD or DD/MM/YYYY.
#include <string>

#include "ingest/raw_response.h"

namespace yousaid {

// `text` is the whole file as UTF-8 (a leading BOM is skipped); `file_name` is
// used in locations. Values are trimmed of surrounding whitespace; empty
// attributes are left out. A row's problems are checked in this order and the
// first is reported: malformed record, field count (at column 1), empty text (at
// the text field), date (at the date field).
// A file whose header has no text column, or whose header is malformed, yields
// no responses and one rejected record at the header, holding the whole file
// (after any BOM) as its raw text. An empty file yields nothing.
ReadResult read_csv_responses(const std::string& text, const std::string& file_name);

}  // namespace yousaid
