#include "analysis/store.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include "analysis/schema.h"

namespace yousaid {

std::string resolve_store_path(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("YOUSAID_STORE"); env && *env) return env;
    return "yousaid.db";
}

Xapian::WritableDatabase open_store_for_writing(const std::string& path) {
    // Xapian creates its files lazily (at commit), so the mask stays for the run.
    ::umask(077);
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        std::string version = db.get_metadata(schema::kSchemaVersionKey);
        if (version.empty() && db.get_doccount() == 0) {
            db.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        } else if (version != schema::kSchemaVersion) {
            throw StoreError(path + ": not a yousaid store (or one of another version)");
        }
        ::chmod(path.c_str(), 0700);
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw StoreError(path + ": another yousaid process is writing to this store; try again when it has finished");
    } catch (const Xapian::Error& e) {
        throw StoreError(path + ": cannot open the store for writing: " + e.get_msg());
    }
}

Xapian::Database open_store(const std::string& path) {
    if (!std::filesystem::exists(path)) {
        throw StoreError(path + ": no store here (yousaid ingest creates one; --store or YOUSAID_STORE names another)");
    }
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw StoreError(path + ": cannot open the store: " + e.get_msg());
    }
}

}  // namespace yousaid
