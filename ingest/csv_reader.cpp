#include "ingest/csv_reader.h"

#include "ingest/column_mapping.h"
#include "ingest/csv_grammar.h"
#include "ingest/table_reader.h"

namespace yousaid {

ReadResult read_csv_responses(const std::string& with_bom, const std::string& file_name) {
    const std::string text = with_bom.rfind("\xEF\xBB\xBF", 0) == 0 ? with_bom.substr(3) : with_bom;
    Table table;
    table.format = "CSV";
    table.records = parse_csv(text, file_name);
    ReadResult result;
    if (table.records.empty()) return result;
    TableHeader header = read_header(table);
    const CsvRecord& first = table.records.front();
    if (first.error) {
        // Without a usable header no row can be read: the whole file is one rejected record.
        result.rejected.push_back({*first.error, text});
        return result;
    }
    MappingResult mapped = map_columns(table, header, nullptr, file_name);
    if (!mapped.errors.empty()) {
        result.rejected.push_back({mapped.errors.front(), text});
        return result;
    }
    return read_table_responses(table, header, mapped.mapping, file_name);
}

}  // namespace yousaid
