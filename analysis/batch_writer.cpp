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

// Outside a transaction, documents written between commits. Xapian holds what
// it has not written in maps keyed by term and document, which grow slower to
// update the more they hold: writing every 1,000 documents rather than at
// Xapian's own 10,000 took indexing 100,000 responses from 30 s to 20 s here.
constexpr std::size_t kCommitEvery = 1000;

}  // namespace

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, BatchRecord record, IncomingTagger* tagger,
                         bool in_transaction)
    : db_(db), record_(std::move(record)), builder_(db, &db_lock_), tagger_(tagger), in_transaction_(in_transaction) {
    // Inside a transaction Xapian does not flush on its own every N documents.
    if (in_transaction_) db_.begin_transaction();
}

BatchWriter::~BatchWriter() {
    // The building thread may call on the store: it ends before the store is touched.
    if (building_.valid()) {
        try {
            building_.get();
        } catch (...) {
            // Whatever went wrong there, nothing of the batch is committed.
        }
    }
    if (committed_ || !in_transaction_) return;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // The store on disk is still the last committed one.
    }
}

void BatchWriter::put(Response response) {
    ++record_.read;
    // A second version of a held response waits for the first to be written,
    // so it is compared with (and replaces) that one, as in the file's order.
    if (held_ids_.count(response.id)) flush();
    held_ids_.insert(response.id);
    held_.push_back(std::move(response));
    if (held_.size() == kChunk) dispatch();
}

void BatchWriter::flush() {
    dispatch();
    write_built();
}

void BatchWriter::dispatch() {
    if (held_.empty()) return;
    // A response whose earlier version is still being built is checked once
    // that version is in the store.
    for (const std::string& id : held_ids_) {
        if (building_ids_.count(id)) {
            write_built();
            break;
        }
    }
    Chunk chunk = check_against_store(std::move(held_));
    held_.clear();
    std::set<std::string> ids;
    ids.swap(held_ids_);
    if (tagger_ && !chunk.responses.empty()) {
        std::lock_guard<std::mutex> lock(db_lock_);
        tagger_->prepare();
    }
    // One chunk builds at a time (there is one builder), and the one built
    // before is written while the next builds.
    std::future<Chunk> previous = std::move(building_);
    if (previous.valid()) previous.wait();
    building_ = std::async(std::launch::async, [this, chunk = std::move(chunk)]() mutable {
        build(chunk);
        return std::move(chunk);
    });
    building_ids_ = std::move(ids);
    if (previous.valid()) write(previous.get());
}

BatchWriter::Chunk BatchWriter::check_against_store(std::vector<Response> held) {
    std::lock_guard<std::mutex> lock(db_lock_);
    Chunk chunk;
    for (Response& response : held) {
        std::string term = id_term(response.id);
        Xapian::PostingIterator existing = db_.postlist_begin(term);
        if (existing == db_.postlist_end(term)) {
            chunk.responses.push_back(std::move(response));
            chunk.replacing.push_back(0);
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
        carry_manual_codes(response_from_json(old_document.get_data()), response);
        chunk.responses.push_back(std::move(response));
        chunk.replacing.push_back(docid);
        ++record_.accepted;
        ++record_.replaced;
    }
    return chunk;
}

void BatchWriter::build(Chunk& chunk) {
    for (const Response& response : chunk.responses) chunk.documents.push_back(builder_.build(response));
    if (tagger_ && !chunk.responses.empty()) tagger_->tag(chunk.responses, chunk.documents, builder_);
}

void BatchWriter::write_built() {
    if (!building_.valid()) return;
    write(building_.get());
    building_ids_.clear();
}

void BatchWriter::write(const Chunk& built) {
    std::lock_guard<std::mutex> lock(db_lock_);
    for (std::size_t i = 0; i < built.documents.size(); ++i) {
        if (built.replacing[i]) {
            db_.replace_document(built.replacing[i], built.documents[i]);
            written_.push_back(built.replacing[i]);
        } else {
            written_.push_back(db_.add_document(built.documents[i]));
        }
        if (!in_transaction_ && written_.size() % kCommitEvery == 0) db_.commit();
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
    if (in_transaction_) db_.commit_transaction();
    else db_.commit();
    committed_ = true;
}

}  // namespace yousaid
