#pragma once
// Opening the store: one directory holding a standard Xapian database, created
// readable by its owner only (directory 0700, files 0600). For reading, several
// stores, local or served by xapian-tcpsrv, open as one.
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

// A store that cannot be opened, with a message fit to print as it is.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --store, else $YOUSAID_STORE, else ./yousaid.db.
std::string resolve_store_path(const std::string& given);

// Creates the store when it does not exist. When another process is writing to
// it, says so through `waiting` (once) and waits for it to finish: writers take
// turns. Throws StoreError when the store cannot be written here (read-only
// files or file system), is unreadable, is not a yousaid store, or is a tcp://
// location (remote stores are read-only).
Xapian::WritableDatabase open_store_for_writing(const std::string& path,
                                                const std::function<void(const std::string&)>& waiting = {});

// Writes the value changes `db` holds in memory into its value streams, without
// committing: inside a transaction, a store whose transaction is cancelled, or
// never committed because the process was killed, is still the last one
// committed. Xapian holds a transaction's value changes in ordered maps, a
// node for each slot of each changed document, until it commits, or until a
// value stream is opened on the writable database (GlassWritableDatabase::
// open_value_list), which is how this merges them: writing a million
// documents' values in one transaction, the maps held 1.5 GB and the commit
// took 26 s. Merged every so often, they stay small.
void merge_pending_values(Xapian::WritableDatabase& db);

// Opens one location for reading:
//   DIR               a store directory
//   FILE              a Xapian stub database file, one database a line:
//                     `auto PATH` (relative to the file) or `remote HOST:PORT`
//   tcp://HOST:PORT   a store served by `xapian-tcpsrv --port PORT DIR`
//                     (HOST may be an [IPv6] address)
// Throws StoreError naming the location and saying why in one line: nothing
// there, not a store (or one of another schema version; a stub file is checked
// by its first database), a malformed tcp:// location, or Xapian's reason
// ("Couldn't connect (Connection refused)").
Xapian::Database open_store(const std::string& location);

// Every location opened as by open_store and joined into one database
// (Xapian::Database::add_database), so a search counts over all of them. A
// response held by two stores counts twice. Metadata (batches, codebook,
// audit) is read from the first store only. No locations means the default
// store, resolve_store_path("").
Xapian::Database open_stores(const std::vector<std::string>& locations);

// The directory when `locations` (as open_stores takes them) name one local
// store directory; empty for several, a stub file or a remote store.
std::string single_store_directory(const std::vector<std::string>& locations);

}  // namespace yousaid
