#include "analysis/batch_writer.h"

#include <nlohmann/json.hpp>

#include "analysis/csv_output.h"
#include "analysis/manual_coding.h"
#include "analysis/schema.h"

namespace yousaid {

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, BatchRecord record)
    : db_(db), record_(std::move(record)), builder_(db) {
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
    std::string term = id_term(response.id);
    Xapian::PostingIterator existing = db_.postlist_begin(term);
    if (existing != db_.postlist_end(term)) {
        Xapian::docid docid = *existing;
        Xapian::Document old_document = db_.get_document(docid);
        if (old_document.get_value(schema::kContentHashSlot) == response.content_hash()) {
            ++record_.unchanged;
            return;
        }
        // An analyst's manual codes and removals outlive a corrected file.
        Response replacement = response;
        carry_manual_codes(response_from_json(old_document.get_data()), replacement);
        db_.replace_document(docid, builder_.build(replacement));
        written_.push_back(docid);
        ++record_.accepted;
        ++record_.replaced;
        return;
    }
    written_.push_back(db_.add_document(builder_.build(response)));
    ++record_.accepted;
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
