#pragma once
// What the store remembers about a batch (one ingested file), kept in metadata
// under "batch:<id>" and written in the same commit as the batch's documents.
#include <string>
#include <vector>

#include "ingest/redactor.h"

namespace yousaid {

struct BatchRecord {
    std::string id;            // first 12 hex digits of the file's SHA-1
    std::string file;          // as named on the command line
    std::string content_hash;  // SHA-1 of the file's bytes
    std::string ingested_at;   // ISO 8601, UTC
    std::string format;        // "CSV", "TSV", "XLSX", "JSON Lines", "panel notes", ...
    std::string encoding;      // as detected; "" for XLSX
    std::string sheet;         // XLSX only
    int read = 0;              // records read = accepted + rejected + unchanged
    int accepted = 0;          // added or replaced
    int replaced = 0;          // of accepted, how many replaced an older version
    int rejected = 0;
    int unchanged = 0;
    RedactionCounts redactions;

    std::string counts_line() const;  // "read N, accepted N, rejected N, unchanged N"
};

std::string to_json(const BatchRecord& record);
BatchRecord batch_record_from_json(const std::string& json);

}  // namespace yousaid
