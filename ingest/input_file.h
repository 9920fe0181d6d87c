#pragma once
// The read and parse steps of ingest for any file an engagement team brings:
// its kind (delimited text, XLSX, JSON Lines, stakeholder-panel notes) and
// encoding are found from its bytes and name, its header and columns mapped,
// and its records turned into responses or rejected records.
#include <memory>
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

// A file's responses a part at a time, in file order, for ingest: a large
// delimited-text file is then held as its decoded text and the part in hand,
// never as all its records or all its responses (a million-row export would
// take gigabytes). Other kinds are read whole first and handed out the same
// way.
class ResponseStream {
public:
    virtual ~ResponseStream() = default;
    // Appends to `out` the responses and rejected records of the next
    // `records` records (fewer at the end); false once every record is read.
    virtual bool read(std::size_t records, ReadResult& out) = 0;
    // Records read so far, and in all (for progress).
    virtual std::size_t records_read() const = 0;
    virtual std::size_t records_total() const = 0;
};

struct InputStream {
    std::string format;
    std::string encoding;
    std::string sheet;
    std::vector<Diagnostic> errors;  // as InputRead's; no responses then
    // The attributes the responses may carry: a table's attribute columns, or
    // those a whole read found with a value.
    std::vector<std::string> attributes;
    std::unique_ptr<ResponseStream> responses;
};

// As read_input (options.keep_table is not used), a part at a time.
InputStream open_input(const std::string& path, std::string bytes, const InputOptions& options);

// The responses of a read that is already whole, as a stream.
std::unique_ptr<ResponseStream> stream_of(ReadResult read);

}  // namespace yousaid
