#include "analysis/keyed_csv.h"

#include <algorithm>

#include "ingest/csv_grammar.h"
#include "ingest/text_file.h"
#include "ingest/unicode_text.h"

namespace yousaid {

KeyedCsv read_keyed_csv(const std::string& path, const std::vector<std::string>& required) {
    KeyedCsv out;
    std::string text;
    try {
        text = read_utf8_file(path);
    } catch (const FileError& e) {
        out.errors.push_back({{path, 0, 0}, e.what(), ""});
        return out;
    }
    std::vector<CsvRecord> records = parse_csv(text, path);
    if (records.empty() || records[0].error) {
        out.errors.push_back({{path, 1, 1}, "the file has no header row", ""});
        return out;
    }
    std::vector<std::string> header;
    for (const CsvField& f : records[0].fields) header.push_back(fold_case(trim(f.value)));
    for (const std::string& name : required) {
        if (std::find(header.begin(), header.end(), name) == header.end()) {
            out.errors.push_back({{path, 1, 1}, "no column \"" + name + "\" in the header", records[0].line_text(1)});
        }
    }
    if (!out.errors.empty()) return out;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& record = records[i];
        if (record.error) {
            out.errors.push_back(*record.error);
            continue;
        }
        if (record.fields.size() != header.size()) {
            out.errors.push_back({{path, record.line, 1},
                                  "row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                                      std::to_string(header.size()),
                                  record.line_text(record.line)});
            continue;
        }
        KeyedRow row;
        row.line = record.line;
        row.line_text = record.line_text(record.line);
        for (std::size_t c = 0; c < header.size(); ++c) {
            row.cells[header[c]] = trim(record.fields[c].value);
            row.columns[header[c]] = record.fields[c].column;
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace yousaid
