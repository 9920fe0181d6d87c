#include "ingest/csv_reader.h"

#include "ingest/column_roles.h"
#include "ingest/csv_grammar.h"
#include "ingest/date_text.h"

namespace yousaid {

namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string plural(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

Diagnostic at_field(const std::string& file, const CsvRecord& record, const CsvField& field,
                    std::string message) {
    return {{file, field.line, field.column}, std::move(message), record.line_text(field.line)};
}

// Fills `out` from one well-formed row; returns the reason it cannot, if any.
std::optional<Diagnostic> read_row(const std::string& file, const std::vector<Column>& columns,
                                   const CsvRecord& record, RawResponse& out) {
    if (record.fields.size() != columns.size())
        return Diagnostic{{file, record.line, 1},
                          "row has " + plural(record.fields.size(), "field") +
                              " but the header has " + std::to_string(columns.size()),
                          record.line_text(record.line)};
    out.where = {file, record.line, record.fields.front().column};
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const CsvField& field = record.fields[i];
        std::string value = trim(field.value);
        switch (columns[i].role) {
            case ColumnRole::id: out.source_id = value; break;
            case ColumnRole::text:
                if (value.empty()) return at_field(file, record, field, "the response text is empty");
                out.text = value;
                break;
            case ColumnRole::event: out.event = value; break;
            case ColumnRole::channel: out.channel = value; break;
            case ColumnRole::question: out.question = value; break;
            case ColumnRole::date:
                if (value.empty()) break;
                if (auto date = parse_date(value)) {
                    out.date = *date;
                    break;
                }
                return at_field(file, record, field,
                                "date \"" + value +
                                    "\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
            case ColumnRole::attribute:
                if (!value.empty()) out.attributes[columns[i].name] = value;
                break;
        }
    }
    return std::nullopt;
}

}  // namespace

ReadResult read_csv_responses(const std::string& text, const std::string& file_name) {
    ReadResult result;
    std::vector<CsvRecord> records = parse_csv(text, file_name);
    if (records.empty()) return result;

    const CsvRecord& header = records.front();
    std::vector<std::string> names;
    for (const CsvField& field : header.fields) names.push_back(field.value);
    const std::vector<Column> columns = assign_column_roles(names);
    bool has_text = false;
    for (const Column& column : columns) has_text = has_text || column.role == ColumnRole::text;
    if (header.error || !has_text) {
        // Without a usable header no row can be read: the whole file is one rejected record.
        Diagnostic why = header.error ? *header.error
                                      : Diagnostic{{file_name, header.line, 1},
                                                   "no text column: expected one of " +
                                                       text_column_names(),
                                                   header.line_text(header.line)};
        const bool bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0;
        result.rejected.push_back({std::move(why), text.substr(bom ? 3 : 0)});
        return result;
    }

    for (std::size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& record = records[i];
        RawResponse response;
        std::optional<Diagnostic> why = record.error;
        if (!why) why = read_row(file_name, columns, record, response);
        if (why)
            result.rejected.push_back({std::move(*why), record.raw});
        else
            result.responses.push_back(std::move(response));
    }
    return result;
}

}  // namespace yousaid
