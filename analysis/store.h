#pragma once
// Opening the store: one directory holding a standard Xapian database, created
// readable by its owner only (directory 0700, files 0600).
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace yousaid {

// A store that cannot be opened, with a message fit to print as it is.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --store, else $YOUSAID_STORE, else ./yousaid.db.
std::string resolve_store_path(const std::string& given);

// Creates the store when it does not exist. Throws StoreError when it is locked
// by another writer, unreadable, or not a yousaid store.
Xapian::WritableDatabase open_store_for_writing(const std::string& path);

// Throws StoreError when there is no store at `path` or it cannot be read.
Xapian::Database open_store(const std::string& path);

}  // namespace yousaid
