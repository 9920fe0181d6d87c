#pragma once
// Responses from a table whose columns have been mapped. With one text column
// each row is one response (its question the column's, when the header asks
// one) and an empty text rejects the row; in the
// open-questions layout each answered question of a row is one response (its
// id is the row's id and the question's number, "R17-q2"), unanswered questions
// are passed over, and a row that answered none is rejected. Every response
// read and every row rejected counts once in `read`.
#include <string>

#include "ingest/column_mapping.h"
#include "ingest/raw_response.h"

namespace yousaid {

ReadResult read_table_responses(const Table& table, const TableHeader& header, const ColumnMapping& mapping,
                                const std::string& file_name);

// The same, emptying each record of `table` once it is read, so that a large
// file's table and its responses are never both held whole.
ReadResult take_table_responses(Table&& table, const TableHeader& header, const ColumnMapping& mapping,
                                const std::string& file_name);

// The responses of one record after the header, or its rejection, added to `out`.
void read_table_record(const CsvRecord& record, const TableHeader& header, const ColumnMapping& mapping,
                       const std::string& file_name, ReadResult& out);

}  // namespace yousaid
