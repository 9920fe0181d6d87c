#pragma once
// The first batch of a new store, the bulk load a programme starts with
// (a national consultation's whole export), written the quick way: into a new
// Xapian database in a folder beside the store, where no reader looks,
// without a transaction and with blocks updated in place (Xapian's
// DB_DANGEROUS). What Xapian holds is then written out every 1,000 documents,
// rather than keeping a million responses' postings in memory until one
// commit, and writes each block once. The new database is swapped in whole
// for the empty store once it is committed. A batch that is refused, fails or
// is killed leaves the store as it was: empty.
#include <string>

#include <xapian.h>

#include "analysis/batch_ingest.h"

namespace yousaid {

// A store as open_store_for_writing creates it: no document ever, no
// metadata but its schema version, no synonyms, no spellings.
bool is_new_store(const Xapian::Database& db);

// ingest_file into the new store `db`, whose folder is `store_path` and
// whose write lock `db` holds. When the batch lands, `db` is afterwards the
// store with it; otherwise the store is as it was.
// Where no folder can be made beside the store, the batch goes in as
// ingest_file puts it.
BatchResult ingest_into_new_store(Xapian::WritableDatabase& db, const std::string& store_path, const std::string& path,
                                  IngestOptions options);

}  // namespace yousaid
