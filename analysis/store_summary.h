#pragma once
// Who the store heard from, counted once over every response: totals by
// channel, event, group and theme, the dates covered, and what ingest rejected.
#include <map>
#include <string>

#include <xapian.h>

namespace yousaid {

struct StoreSummary {
    Xapian::doccount responses = 0;
    Xapian::doccount untagged = 0;        // responses no theme caught
    int rejected = 0;                     // records rejected over all batches
    int batches = 0;
    std::string first_date, last_date;    // YYYY-MM-DD; empty when no response has a date
    std::map<std::string, Xapian::doccount> by_channel, by_event, by_group, by_theme;
};

StoreSummary summarise_store(const Xapian::Database& db);

}  // namespace yousaid
