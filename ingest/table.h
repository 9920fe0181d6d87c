#pragma once
// A table of records as any tabular input gives it (delimited text, XLSX, JSON
// Lines), before columns are given roles. Header rows are records like any
// other; ingest/header_shape.h decides how many there are.
#include <string>
#include <vector>

#include "ingest/csv_grammar.h"
#include "ingest/diagnostic.h"

namespace yousaid {

struct Table {
    std::string format;     // "CSV", "TSV", "semicolon-separated", "XLSX", "JSON Lines"
    std::string encoding;   // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "Windows-1252"; "" for XLSX
    std::string sheet;      // XLSX only: the sheet read
    // Every record in file order, header rows included. For XLSX a record's
    // line is the sheet's row number and a field's column the sheet's column
    // number (A = 1); for JSON Lines the first record is a header made of the
    // keys in order of first appearance, with line 0.
    std::vector<CsvRecord> records;
};

}  // namespace yousaid
