#pragma once
// Reading a sheet of an XLSX workbook (Office Open XML) as a Table, through
// libzip and pugixml: shared strings, inline strings, numbers, booleans and
// dates (cells whose number format is a date become YYYY-MM-DD, or
// YYYY-MM-DD HH:MM with a time). Empty cells are empty fields, so every record
// has as many fields as the widest row.
#include <optional>
#include <string>

#include "ingest/table.h"

namespace yousaid {

struct XlsxRead {
    std::optional<Table> table;
    std::string error;  // "f.xlsx: not an XLSX workbook (no xl/workbook.xml)", "f.xlsx: no sheet named \"X\" (sheets: ...)"
};

// The first sheet when `sheet` is empty.
XlsxRead read_xlsx(const std::string& bytes, const std::string& file_name, const std::string& sheet = "");

}  // namespace yousaid
