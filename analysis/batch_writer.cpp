#include "analysis/batch_writer.h"

#include <nlohmann/json.hpp>

#include "analysis/csv_output.h"
#include "analysis/manual_coding.h"
#include "analysis/schema.h"

namespace yousaid {

namespace {

// Responses written (and tagged) together: enough that a chunk's in-memory
// database amortises its queries, few enough to hold.
constexpr std::size_t kChunk = 2000;

}  // namespace

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, BatchRecord record, IncomingTagger* tagger)
    : db_(db), record_(std::move(record)), builder_(db), tagger_(tagger) {
    // Inside a transaction Xapian does not flush on its own every N documents.
    db_.begin_transaction();
}

BatchWriter::~BatchWriter() {
    if (committed_) return;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // The store on disk is still the last committed one.
    }
}

void BatchWriter::put(const Response& response) {
    ++record_.read;
    // A second version of a held response waits for the first to be written,
    // so it is compared with (and replaces) that one, as in the file's order.
    if (held_ids_.count(response.id)) flush();
    held_ids_.insert(response.id);
    held_.push_back(response);
    if (held_.size() == kChunk) flush();
}

void BatchWriter::flush() {
    std::vector<Response> responses;
    std::vector<Xapian::docid> replacing;  // the document each replaces; 0 for a new one
    for (const Response& response : held_) {
        std::string term = id_term(response.id);
        Xapian::PostingIterator existing = db_.postlist_begin(term);
        if (existing == db_.postlist_end(term)) {
            responses.push_back(response);
            replacing.push_back(0);
            ++record_.accepted;
            continue;
        }
        Xapian::docid docid = *existing;
        Xapian::Document old_document = db_.get_document(docid);
        if (old_document.get_value(schema::kContentHashSlot) == response.content_hash()) {
            ++record_.unchanged;
            continue;
        }
        // An analyst's manual codes and removals outlive a corrected file.
        Response replacement = response;
        carry_manual_codes(response_from_json(old_document.get_data()), replacement);
        responses.push_back(std::move(replacement));
        replacing.push_back(docid);
        ++record_.accepted;
        ++record_.replaced;
    }
    held_.clear();
    held_ids_.clear();
    std::vector<Xapian::Document> documents;
    for (const Response& response : responses) documents.push_back(builder_.build(response));
    if (tagger_ && !responses.empty()) tagger_->tag(responses, documents, builder_);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (replacing[i]) {
            db_.replace_document(replacing[i], documents[i]);
            written_.push_back(replacing[i]);
        } else {
            written_.push_back(db_.add_document(documents[i]));
        }
    }
}

void BatchWriter::reject(const RejectedRecord& rejected) {
    ++record_.read;
    ++record_.rejected;
    rejected_.push_back(rejected);
}

std::string BatchWriter::rejects_csv() const {
    std::string out = csv_line({"file", "line", "column", "reason", "record"});
    for (const RejectedRecord& r : rejected_) {
        std::string record = r.raw;
        while (!record.empty() && (record.back() == '\n' || record.back() == '\r')) record.pop_back();
        out += csv_line({r.diagnostic.where.file, std::to_string(r.diagnostic.where.line),
                         std::to_string(r.diagnostic.where.column), r.diagnostic.message, record});
    }
    return out;
}

void BatchWriter::commit() {
    flush();
    std::string key = schema::kBatchKeyPrefix + record_.id;
    bool seen_before = !db_.get_metadata(key).empty();
    if (!(seen_before && record_.accepted == 0)) {
        db_.set_metadata(key, to_json(record_));
        std::string lines;
        for (const RejectedRecord& r : rejected_) {
            nlohmann::json item = {{"file", r.diagnostic.where.file},   {"line", r.diagnostic.where.line},
                                   {"column", r.diagnostic.where.column}, {"reason", r.diagnostic.message},
                                   {"record", r.raw}};
            lines += item.dump() + "\n";
        }
        db_.set_metadata(schema::kRejectsKeyPrefix + record_.id, lines);
    }
    db_.commit_transaction();
    committed_ = true;
}

}  // namespace yousaid
