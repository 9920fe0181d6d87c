#include "analysis/batch_admin.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "analysis/schema.h"

namespace yousaid {

std::vector<BatchRecord> list_batches(const Xapian::Database& db) {
    std::vector<BatchRecord> out;
    std::string prefix = schema::kBatchKeyPrefix;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        out.push_back(batch_record_from_json(db.get_metadata(*key)));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const BatchRecord& a, const BatchRecord& b) { return a.ingested_at < b.ingested_at; });
    return out;
}

BatchRecord find_batch(const Xapian::Database& db, const std::string& id) {
    std::vector<BatchRecord> matches;
    for (BatchRecord& b : list_batches(db)) {
        if (!id.empty() && b.id.rfind(id, 0) == 0) matches.push_back(std::move(b));
    }
    if (matches.empty()) throw std::invalid_argument("no batch \"" + id + "\" in the store (yousaid batches lists them)");
    if (matches.size() > 1) {
        throw std::invalid_argument("\"" + id + "\" starts " + std::to_string(matches.size()) +
                                    " batch ids; give more of the id");
    }
    return matches.front();
}

std::vector<StoredReject> batch_rejects(const Xapian::Database& db, const std::string& batch_id) {
    std::vector<StoredReject> out;
    std::istringstream lines(db.get_metadata(schema::kRejectsKeyPrefix + batch_id));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        nlohmann::json item = nlohmann::json::parse(line);
        out.push_back({item.at("file"), item.at("line"), item.at("column"), item.at("reason"), item.at("record")});
    }
    return out;
}

Xapian::doccount remove_batch(Xapian::WritableDatabase& db, const std::string& batch_id) {
    std::string term = schema::kBatchPrefix + batch_id;
    std::vector<Xapian::docid> docids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) docids.push_back(*it);
    db.begin_transaction();
    for (Xapian::docid docid : docids) db.delete_document(docid);
    db.set_metadata(schema::kBatchKeyPrefix + batch_id, "");
    db.set_metadata(schema::kRejectsKeyPrefix + batch_id, "");
    db.commit_transaction();
    return docids.size();
}

}  // namespace yousaid
