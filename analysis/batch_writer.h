#pragma once
// The one writer of ingest: a batch's documents, its record and its rejected
// records go into one Xapian transaction, so a batch becomes visible whole at
// commit() or not at all (a crash or an exception before then leaves the store
// as it was; the destructor cancels an uncommitted batch).
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/batch_record.h"
#include "analysis/document_builder.h"
#include "analysis/incoming_tagger.h"
#include "ingest/raw_response.h"
#include "ingest/response.h"

namespace yousaid {

class BatchWriter {
public:
    // With a tagger, responses get their rule tags before they are written.
    BatchWriter(Xapian::WritableDatabase& db, BatchRecord record, IncomingTagger* tagger = nullptr);
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    // Adds the response, replaces an older version with the same id, or leaves
    // an identical one alone (counted as unchanged). Responses are written a
    // chunk at a time (tagged together); flush() writes those still held.
    void put(const Response& response);
    void flush();
    void reject(const RejectedRecord& rejected);

    // Documents added or replaced by this batch (writing what is held first),
    // for linking campaigns before commit.
    const std::vector<Xapian::docid>& written() {
        flush();
        return written_;
    }
    const BatchRecord& record() const { return record_; }
    BatchRecord& record() { return record_; }

    // Writes what is held, the batch record and rejects, then commits. A batch that changed
    // nothing and was seen before keeps its first record.
    void commit();

    // The rejected records as CSV (file, line, column, reason, record), as
    // kept beside the database in <store>/rejects/<batch id>.csv.
    std::string rejects_csv() const;

private:
    Xapian::WritableDatabase& db_;
    BatchRecord record_;
    DocumentBuilder builder_;
    IncomingTagger* tagger_;
    std::vector<Response> held_;      // put but not yet written
    std::set<std::string> held_ids_;
    std::vector<Xapian::docid> written_;
    std::vector<RejectedRecord> rejected_;
    bool committed_ = false;
};

}  // namespace yousaid
