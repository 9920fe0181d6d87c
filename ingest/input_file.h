#pragma once
// The read and parse steps of ingest for any file an engagement team brings:
// its kind (delimited text, XLSX, JSON Lines, stakeholder-panel notes) and
// encoding are found from its bytes and name, its header and columns mapped,
// and its records turned into responses or rejected records.
#include <optional>
#include <string>

#include "ingest/column_mapping.h"
#include "ingest/map_file.h"
#include "ingest/raw_response.h"
#include "ingest/table.h"

namespace yousaid {

struct InputOptions {
    std::string sheet;           // XLSX: the sheet to read; the first when empty
    const MapFile* map = nullptr;
    // Keep the parsed table in InputRead::table (for inspect); without it,
    // each record is let go once read, for ingest.
    bool keep_table = true;
};

struct InputRead {
    std::string format;          // "CSV", "TSV", "semicolon-separated", "XLSX", "JSON Lines", "panel notes"
    std::string encoding;        // as ingest/encoding.h names it; "" for XLSX
    std::string sheet;
    // Set when the whole file is refused (not text in an accepted encoding, not
    // a workbook, no such sheet, no text column, a map naming missing columns).
    std::vector<Diagnostic> errors;
    ReadResult read;             // empty when refused
    // For tables: what `yousaid inspect` shows.
    std::optional<Table> table;
    TableHeader header;
    ColumnMapping mapping;
};

// Panel notes are a .txt file whose first line that is not blank or a comment
// is "key: value" or a "- " point; any other .txt file is read as a table
// (Excel's "Unicode Text" is tab-separated UTF-16 saved as .txt).
InputRead read_input(const std::string& path, std::string bytes, const InputOptions& options);

}  // namespace yousaid
