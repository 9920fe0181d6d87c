#pragma once
// Looking after batches once they are in the store: listing them, reading
// their rejected records, and taking one out again.
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/batch_record.h"

namespace yousaid {

// Every batch, oldest first.
std::vector<BatchRecord> list_batches(const Xapian::Database& db);

// The batch whose id is `id` or starts with it. Throws std::invalid_argument
// with a message fit to print when none or several match.
BatchRecord find_batch(const Xapian::Database& db, const std::string& id);

struct StoredReject {
    std::string file;
    int line = 0;
    int column = 0;
    std::string reason;
    std::string record;  // as read
};

// The rejected records of one batch, in file order.
std::vector<StoredReject> batch_rejects(const Xapian::Database& db, const std::string& batch_id);

// Takes the batch's responses (those it brought that no later batch replaced),
// its record and its rejected records out of the store, in one transaction.
// Returns how many responses went.
Xapian::doccount remove_batch(Xapian::WritableDatabase& db, const std::string& batch_id);

}  // namespace yousaid
