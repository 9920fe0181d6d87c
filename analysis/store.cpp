#include "analysis/store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "analysis/schema.h"

namespace yousaid {

namespace {

constexpr std::string_view kTcpScheme = "tcp://";

bool is_remote(const std::string& location) { return location.starts_with(kTcpScheme); }

// An empty database is taken as ours: open_store_for_writing labels it.
bool has_our_schema(const Xapian::Database& db) {
    std::string version = db.get_metadata(schema::kSchemaVersionKey);
    return version == schema::kSchemaVersion || (version.empty() && db.get_doccount() == 0);
}

ino_t folder_inode(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

StoreError not_our_store(const std::string& location) {
    return StoreError(location + ": not a yousaid store (or one of another version)");
}

// Xapian's message with the system's reason when it has one.
std::string reason(const Xapian::Error& e) {
    std::string out = e.get_msg();
    if (const char* why = e.get_error_string(); why && *why) out += std::string(" (") + why + ")";
    return out;
}

Xapian::Database open_remote(const std::string& location) {
    std::string_view address = std::string_view(location).substr(kTcpScheme.size());
    std::size_t colon = address.rfind(':');
    std::string_view host, digits;
    if (colon != std::string_view::npos) {
        host = address.substr(0, colon);
        digits = address.substr(colon + 1);
    }
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    unsigned port = 0;
    const char* port_end = digits.data() + digits.size();
    auto [end, error] = std::from_chars(digits.data(), port_end, port);
    if (host.empty() || error != std::errc() || end != port_end || port == 0 || port > 65535) {
        throw StoreError(location + ": expected tcp://HOST:PORT with a port from 1 to 65535");
    }
    return Xapian::Remote::open(std::string(host), port);
}

// Xapian opens a store's version file and then each table by its path. A
// writer that swaps a whole new store in meanwhile (compaction, a new store's
// first batch: store_folders.h) would leave this with tables from both, which
// disagree ("EOF reading block 15"), or worse, agree by chance. So the store's
// folder is looked at before and after, and opened again when it changed: a
// swap takes a whole compaction or batch, so a few tries are plenty.
Xapian::Database open_local(const std::string& path) {
    constexpr int kTries = 10;
    for (int attempt = 1;; ++attempt) {
        const ino_t before = folder_inode(path);
        try {
            Xapian::Database db(path);
            if (folder_inode(path) == before || attempt == kTries) return db;
        } catch (const Xapian::Error&) {
            if (folder_inode(path) == before || attempt == kTries) throw;
        }
    }
}

}  // namespace

std::string resolve_store_path(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("YOUSAID_STORE"); env && *env) return env;
    return "yousaid.db";
}

Xapian::WritableDatabase open_store_for_writing(const std::string& path,
                                                const std::function<void(const std::string&)>& waiting) {
    if (is_remote(path)) throw StoreError(path + ": a remote store is read-only; write to it where it is served from");
    // Xapian's lock error would not say why; access() does (EACCES, EROFS).
    if (std::filesystem::exists(path) && ::access(path.c_str(), W_OK) != 0) {
        throw StoreError(path + ": the store cannot be written here (" + std::strerror(errno) +
                         "); nothing was changed");
    }
    // Xapian creates its files lazily (at commit), so the mask stays for the run.
    ::umask(077);
    try {
        bool said_waiting = false;
        auto open = [&] {
            try {
                return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
            } catch (const Xapian::DatabaseLockError& e) {
                if (e.get_msg().find("already locked") == std::string::npos) throw;
                if (waiting && !said_waiting) {
                    waiting(path + ": another yousaid process is writing to this store; waiting for it to finish");
                }
                said_waiting = true;
                return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_RETRY_LOCK);
            }
        };
        // Xapian locks the lock file it finds at the store's path, then opens
        // the tables by that path. A writer that replaced the store whole
        // meanwhile (compaction, a new store's first batch: store_folders.h)
        // leaves this holding the old store's lock over the new store's
        // tables; this sees the folder changed, lets go and waits again.
        ino_t before = folder_inode(path);  // 0 while there is none
        Xapian::WritableDatabase db = open();
        while (folder_inode(path) != before) {
            db.close();
            before = folder_inode(path);
            db = open();
        }
        if (!has_our_schema(db)) throw not_our_store(path);
        if (db.get_metadata(schema::kSchemaVersionKey).empty()) {
            db.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        }
        ::chmod(path.c_str(), 0700);
        return db;
    } catch (const Xapian::Error& e) {
        throw StoreError(path + ": cannot open the store for writing: " + e.get_msg());
    }
}

void merge_pending_values(Xapian::WritableDatabase& db) { db.valuestream_begin(0); }

Xapian::Database open_store(const std::string& location) {
    if (!is_remote(location) && !std::filesystem::exists(location)) {
        throw StoreError(location + ": no store here (yousaid ingest creates one; --store or YOUSAID_STORE names another)");
    }
    try {
        Xapian::Database db = is_remote(location) ? open_remote(location) : open_local(location);
        if (!has_our_schema(db)) throw not_our_store(location);
        return db;
    } catch (const Xapian::DatabaseNotFoundError& e) {
        if (std::filesystem::is_directory(location)) {
            throw StoreError(location + ": not a store (no Xapian database in this directory)");
        }
        throw StoreError(location + ": cannot open the store: " + reason(e));
    } catch (const Xapian::Error& e) {
        throw StoreError(location + ": cannot open the store: " + reason(e));
    }
}

Xapian::Database open_stores(const std::vector<std::string>& locations) {
    if (locations.empty()) return open_store(resolve_store_path(""));
    Xapian::Database all;
    for (const std::string& location : locations) all.add_database(open_store(location));
    return all;
}

std::string single_store_directory(const std::vector<std::string>& locations) {
    if (locations.size() > 1) return {};
    const std::string location = resolve_store_path(locations.empty() ? "" : locations[0]);
    std::error_code ignored;
    return !is_remote(location) && std::filesystem::is_directory(location, ignored) ? location : std::string();
}

}  // namespace yousaid
