#pragma once
// A small CSV file of named columns (actions, population figures), read with the
// ingest CSV grammar: each record as a map from header name to trimmed value.
#include <map>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

struct KeyedRow {
    std::map<std::string, std::string> cells;  // header name (lower case) -> value
    std::map<std::string, int> columns;        // header name -> 1-based column of the value
    int line = 0;
    std::string line_text;
};

struct KeyedCsv {
    std::vector<KeyedRow> rows;
    std::vector<Diagnostic> errors;
};

// Errors: unreadable file, a required column missing from the header (at line 1),
// malformed records, a record with the wrong number of fields.
KeyedCsv read_keyed_csv(const std::string& path, const std::vector<std::string>& required_columns);

}  // namespace yousaid
