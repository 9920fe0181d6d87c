#pragma once
// RFC 4180 records, read leniently (README "CSV columns"). Fields are separated by
// a delimiter chosen by the caller: a comma by default, or a tab or semicolon
// (TSV, and the CSV that Excel writes where the decimal mark is a comma), which
// behave exactly as the comma does. A field in double quotes may hold the
// delimiter, doubled quotes ("" is one ") and line breaks. Records end with LF or
// CRLF; the last may have no line end. A leading UTF-8 BOM is skipped: positions
// and raw text start after it. Blank lines (empty, or only spaces and tabs that
// are not the delimiter) between records are skipped and are not records: with
// tabs as the delimiter, a line of tabs is a record of empty fields, as a line of
// commas is in CSV. A lone CR is kept as part of a field.
//
// A malformed record is returned with an error and no fields, and reading resumes
// after the line end that follows the error:
//   - a quote inside an unquoted field (at the quote),
//   - text after a closing quote (at the text),
//   - a quoted field with no closing quote (at its opening quote); the rest of the
//     file is that one bad record.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

struct CsvField {
    std::string value;  // unquoted and unescaped, not trimmed
    int line = 0;       // 1-based line of the field's first character
    int column = 0;     // 1-based column in code points (the opening quote, if quoted)
};

struct CsvRecord {
    std::vector<CsvField> fields;     // at least one unless the record is malformed
    std::string raw;                  // the record's bytes exactly as read, line end included
    int line = 0;                     // the line the record starts on
    std::optional<Diagnostic> error;  // set when the record is malformed

    // The text of file line `line` (one of the lines this record spans), without
    // its line end; empty when the record does not span that line.
    std::string line_text(int line) const;
};

// The records of `text` one at a time, as parse_csv gives them all, for a
// large file read without holding all its records. `text` must outlive it.
class CsvRecordReader {
public:
    CsvRecordReader(const std::string& text, std::string file_name, char delimiter = ',');
    ~CsvRecordReader();
    CsvRecordReader(const CsvRecordReader&) = delete;
    CsvRecordReader& operator=(const CsvRecordReader&) = delete;
    // The next record; none once the text is read.
    std::optional<CsvRecord> next();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Every record of `text` in file order, the header included. `file_name` is used
// in the errors' locations. `delimiter` separates fields; it must not be a double
// quote, CR or LF.
std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& file_name,
                                 char delimiter = ',');

}  // namespace yousaid
