#pragma once
// The one writer of ingest: a batch's documents, its record and its rejected
// records go into one Xapian transaction, so a batch becomes visible whole at
// commit() or not at all (a crash or an exception before then leaves the store
// as it was; the destructor cancels an uncommitted batch).
//
// Both cores: responses go a chunk at a time through two stages, and while
// this thread writes one chunk into the store (Xapian's part, about half the
// time of ingest), a second thread builds and tags the next one.
#include <future>
#include <mutex>
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
    // Without a transaction (only for a store no one else sees, thrown away
    // when the batch fails: new_store_ingest.h), what Xapian holds is written
    // out every 1,000 documents instead of keeping the whole batch's postings
    // in memory until commit().
    BatchWriter(Xapian::WritableDatabase& db, BatchRecord record, IncomingTagger* tagger = nullptr,
                bool in_transaction = true);
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    // Adds the response, replaces an older version with the same id, or leaves
    // an identical one alone (counted as unchanged). Responses are written a
    // chunk at a time (tagged together); flush() writes those still held.
    void put(Response response);
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
    // A chunk of responses to write, each with the document it replaces (0
    // for a new one), and once built their documents.
    struct Chunk {
        std::vector<Response> responses;
        std::vector<Xapian::docid> replacing;
        std::vector<Xapian::Document> documents;
    };

    // Hands what is held to the building thread, once its last chunk is built
    // and that one written.
    void dispatch();
    // The held responses as a chunk: those new to the store, and those that
    // replace a different version (with its manual codes); counts the rest
    // as unchanged.
    Chunk check_against_store(std::vector<Response> held);
    // Waits for the chunk being built, if any, and writes it.
    void write_built();
    void build(Chunk& chunk);  // on the building thread
    void write(const Chunk& built);

    Xapian::WritableDatabase& db_;
    std::mutex db_lock_;  // this thread's calls on db_, and the builder's
    BatchRecord record_;
    DocumentBuilder builder_;
    IncomingTagger* tagger_;
    std::vector<Response> held_;      // put but not yet handed on
    std::set<std::string> held_ids_;
    std::future<Chunk> building_;
    std::set<std::string> building_ids_;
    std::vector<Xapian::docid> written_;
    std::vector<RejectedRecord> rejected_;
    bool in_transaction_;
    bool committed_ = false;
};

}  // namespace yousaid
