#pragma once
// Ingest of one file as one batch, as a stream of steps:
//   read bytes -> parse records (csv_reader / panel_notes_reader)
//   -> normalise (NFC, defaults, redaction, ids) -> build documents -> one writer
// -> tag the batch (when a codebook is given) -> one commit.
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/batch_record.h"
#include "analysis/tagger.h"
#include "ingest/raw_response.h"
#include "ingest/response_normaliser.h"

namespace yousaid {

struct IngestOptions {
    ResponseDefaults defaults;
    const CompiledCodebook* codebook = nullptr;  // tag the batch before it commits
};

struct BatchResult {
    BatchRecord record;
    std::vector<RejectedRecord> rejected;  // in file order
    TaggingSummary tagging;
};

// "panel notes" for a .txt file, "csv" otherwise.
std::string input_format(const std::string& path);

// Throws FileError when the file cannot be read or is not UTF-8, and lets
// Xapian errors through; in both cases nothing of the batch is in the store.
BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options);

}  // namespace yousaid
