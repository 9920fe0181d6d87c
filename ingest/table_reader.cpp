#include "ingest/table_reader.h"

#include "ingest/date_text.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

std::string plural(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

Diagnostic at_field(const std::string& file, const CsvRecord& record, const CsvField& field, std::string message) {
    return {{file, field.line, field.column}, std::move(message), record.line_text(field.line)};
}

std::string value_at(const CsvRecord& record, std::optional<std::size_t> index) {
    return index && *index < record.fields.size() ? trim(record.fields[*index].value) : "";
}

// The fields every response of a row shares; a reason when the row cannot be read.
std::optional<Diagnostic> read_shared(const std::string& file, const CsvRecord& record, const ColumnMapping& m,
                                      std::size_t columns, RawResponse& out) {
    if (record.error) return record.error;
    if (record.fields.size() != columns) {
        return Diagnostic{{file, record.line, 1},
                          "row has " + plural(record.fields.size(), "field") + " but the header has " +
                              std::to_string(columns),
                          record.line_text(record.line)};
    }
    out.where = {file, record.line, record.fields.front().column};
    out.source_id = value_at(record, m.id);
    auto constant = [&](const char* name) {
        auto found = m.constants.find(name);
        return found == m.constants.end() ? std::string() : found->second;
    };
    out.event = m.event ? value_at(record, m.event) : constant("event");
    out.channel = m.channel ? value_at(record, m.channel) : constant("channel");
    out.question = m.question ? value_at(record, m.question) : constant("question");
    if (m.date) {
        std::string value = value_at(record, m.date);
        // Survey tools write date-times ("06/03/2014 10:15:00"): the date is the part before the time.
        std::string date_part = value.substr(0, value.find(' '));
        if (!value.empty()) {
            auto date = parse_date(date_part);
            if (!date) {
                return at_field(file, record, record.fields[*m.date],
                                "date \"" + value + "\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
            }
            out.date = *date;
        }
    } else {
        out.date = constant("date");
    }
    for (const AttributeColumn& a : m.attributes) {
        std::string value = value_at(record, a.index);
        if (!value.empty()) out.attributes[a.name] = attribute_value(a, value);
    }
    return std::nullopt;
}

}  // namespace

void read_table_record(const CsvRecord& record, const TableHeader& header, const ColumnMapping& m,
                       const std::string& file, ReadResult& result) {
    RawResponse shared;
    if (auto why = read_shared(file, record, m, header.columns.size(), shared)) {
        result.rejected.push_back({*why, record.raw});
        return;
    }
    if (!m.open_questions()) {
        const CsvField& field = record.fields[m.text[0].index];
        shared.text = trim(field.value);
        if (!m.text[0].question.empty() && !m.question) shared.question = m.text[0].question;
        if (shared.text.empty()) {
            result.rejected.push_back({at_field(file, record, field, "the response text is empty"), record.raw});
            return;
        }
        result.responses.push_back(std::move(shared));
        return;
    }
    std::size_t answered = 0;
    for (std::size_t q = 0; q < m.text.size(); ++q) {
        const CsvField& field = record.fields[m.text[q].index];
        std::string text = trim(field.value);
        if (text.empty()) continue;
        RawResponse response = shared;
        response.text = text;
        response.question = m.text[q].question.empty() ? shared.question : m.text[q].question;
        if (!shared.source_id.empty()) {
            response.source_id = shared.source_id + "-q" + std::to_string(q + 1);
            response.respondent_id = shared.source_id;
        } else {
            response.respondent_id = "row-" + std::to_string(record.line);
        }
        response.where = {file, field.line, field.column};
        result.responses.push_back(std::move(response));
        ++answered;
    }
    if (answered == 0) {
        const CsvField& first = record.fields[m.text[0].index];
        result.rejected.push_back(
            {at_field(file, record, first, "no answer to any of the " + plural(m.text.size(), "open question")),
             record.raw});
    }
}

namespace {

// Reads every record after the header, then calls read_done(r) for record r.
template <typename ReadDone>
ReadResult read_records(const Table& table, const TableHeader& header, const ColumnMapping& m, const std::string& file,
                        ReadDone&& read_done) {
    ReadResult result;
    for (std::size_t r = header.rows; r < table.records.size(); read_done(r++)) {
        read_table_record(table.records[r], header, m, file, result);
    }
    return result;
}

}  // namespace

ReadResult read_table_responses(const Table& table, const TableHeader& header, const ColumnMapping& mapping,
                                const std::string& file) {
    return read_records(table, header, mapping, file, [](std::size_t) {});
}

ReadResult take_table_responses(Table&& table, const TableHeader& header, const ColumnMapping& mapping,
                                const std::string& file) {
    return read_records(table, header, mapping, file, [&](std::size_t r) { table.records[r] = CsvRecord(); });
}

}  // namespace yousaid
