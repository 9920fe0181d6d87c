#pragma once
// Who the store heard from, counted once over every response: totals by
// channel, event, group and theme, the dates covered, and what ingest rejected.
// A campaign (campaigns.h) counts once in the totals, as its first member.
#include <map>
#include <string>

#include <xapian.h>

namespace yousaid {

struct StoreSummary {
    Xapian::doccount responses = 0;       // every response
    Xapian::doccount counted = 0;         // the base of the totals: a campaign once
    Xapian::doccount campaigns = 0;       // campaigns of two or more responses
    Xapian::doccount campaign_members = 0;  // their responses, first members included
    Xapian::doccount respondents = 0;     // distinct people among the counted responses (count_respondents)
    Xapian::doccount untagged = 0;        // counted responses no theme caught
    Xapian::doccount coded_by_hand = 0;   // responses holding a theme an analyst gave by hand
    Xapian::doccount model_tagged = 0;    // responses holding a theme a learned model gave
    int rejected = 0;                     // records rejected over all batches
    int batches = 0;
    std::string first_date, last_date;    // YYYY-MM-DD; empty when no response has a date
    std::map<std::string, Xapian::doccount> by_channel, by_event, by_group, by_theme;  // of `counted`
};

// With `every_member`, each member of a campaign counts, and `counted` equals `responses`.
StoreSummary summarise_store(const Xapian::Database& db, bool every_member = false);

// Distinct values of schema::kRespondentSlot over the responses counted (a
// campaign once, as its first member, unless `every_member`), as crosstab
// --unit respondents counts them; a response with no respondent recorded is a
// respondent of its own: summarise_store's `respondents`.
Xapian::doccount count_respondents(const Xapian::Database& db, bool every_member = false);

}  // namespace yousaid
