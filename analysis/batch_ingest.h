#pragma once
// Ingest of one file as one batch, as a stream of steps:
//   read bytes -> find kind and encoding, parse records, map columns (input_file)
//   -> normalise (NFC, defaults, redaction, ids) -> one writer, which builds the
// documents a chunk at a time and tags each chunk before writing it (when a
// codebook is given) -> link campaigns -> one commit.
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/batch_record.h"
#include "analysis/campaigns.h"
#include "analysis/tagger.h"
#include "ingest/input_file.h"
#include "ingest/raw_response.h"
#include "ingest/response_normaliser.h"

namespace yousaid {

struct IngestOptions {
    ResponseDefaults defaults;
    const CompiledCodebook* codebook = nullptr;  // tag the batch before it commits
    InputOptions input;                          // sheet, column map
    bool strict = false;                         // refuse the whole batch on its first rejected record
    std::string store_path;                      // where to keep rejects/<batch>.csv; none when empty
    // False only for a store no one else sees and thrown away when the batch
    // fails (new_store_ingest.h): see BatchWriter.
    bool in_transaction = true;
    // Called now and then with the records written so far and the total.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct BatchResult {
    BatchRecord record;
    std::vector<RejectedRecord> rejected;  // in file order
    TaggingSummary tagging;
    CampaignLinking campaigns;
    // Why the batch was refused, when it was: nothing of it is in the store.
    std::vector<Diagnostic> refused;
    bool landed() const { return refused.empty(); }
};

// Throws FileError when the file cannot be read, and lets Xapian errors
// through; in those cases, as when refused, nothing of the batch is in the store.
BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options);

}  // namespace yousaid
