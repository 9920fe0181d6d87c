#include "analysis/new_store_ingest.h"

#include <filesystem>
#include <optional>

#include "analysis/schema.h"
#include "analysis/store.h"
#include "analysis/store_folders.h"

namespace yousaid {

bool is_new_store(const Xapian::Database& db) {
    if (db.get_lastdocid() != 0) return false;
    for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) {
        if (*key != schema::kSchemaVersionKey) return false;
    }
    return db.synonym_keys_begin() == db.synonym_keys_end() && db.spellings_begin() == db.spellings_end();
}

BatchResult ingest_into_new_store(Xapian::WritableDatabase& db, const std::string& store_path, const std::string& path,
                                  IngestOptions options) {
    std::optional<FolderBesideStore> beside;
    try {
        beside.emplace(store_path, "ingesting");
    } catch (const std::filesystem::filesystem_error&) {
        return ingest_file(db, path, options);
    }
    const std::string copy = beside->copy().string();
    BatchResult result;
    {
        Xapian::WritableDatabase bulk(copy, Xapian::DB_CREATE | Xapian::DB_DANGEROUS);
        bulk.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        options.store_path = copy;
        options.in_transaction = false;
        result = ingest_file(bulk, path, options);
        if (!result.landed()) return result;  // the folder goes, and the store is as it was
        bulk.close();
    }
    // Xapian writes a commit's version file by the path a database was opened
    // with: the empty store must have nothing left to commit once its path is
    // the new store's, and the new store is opened again where it then is.
    db.commit();
    beside->swap_in();
    // Another writer may take the new store's lock before this does; then this
    // waits for it, as writers do.
    db = open_store_for_writing(store_path);  // lets go of the empty store, which goes with the folder
    return result;
}

}  // namespace yousaid
