#include "analysis/store_summary.h"

#include <unordered_set>

#include "analysis/batch_record.h"
#include "analysis/campaign_count.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "analysis/slot_counting.h"

namespace yousaid {

StoreSummary summarise_store(const Xapian::Database& db, bool every_member) {
    StoreSummary s;
    CampaignCount campaigns(db);
    s.campaigns = campaigns.campaigns();
    s.campaign_members = campaigns.members();
    // Each slot read as a stream in docid order: one pass, no document opened.
    ValueCursor dates(db, schema::kDateSlot), campaign_of(db, schema::kCampaignSlot),
        respondent_of(db, schema::kRespondentSlot);
    std::unordered_set<std::string> people;
    Xapian::doccount unrecorded = 0;  // responses with no respondent: a person each
    SlotEntryCounter channels(db, schema::kChannelSlot), events(db, schema::kEventSlot),
        themes(db, schema::kThemesSlot), groups(db, schema::kGroupsSlot);
    std::string first_day, last_day;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        ++s.responses;
        if (const std::string* day = dates.value_of(*it); day && day->size() == 8) {
            if (first_day.empty() || *day < first_day) first_day = *day;
            if (last_day.empty() || *day > last_day) last_day = *day;
        }
        if (!every_member) {
            const std::string* campaign = campaign_of.value_of(*it);
            if (!campaigns.counts(*it, campaign ? *campaign : std::string())) continue;
        }
        ++s.counted;
        if (const std::string* respondent = respondent_of.value_of(*it)) {
            people.insert(*respondent);
        } else {
            ++unrecorded;
        }
        channels.count(*it);
        events.count(*it);
        if (!themes.count(*it)) ++s.untagged;
        groups.count(*it);
    }
    auto as_date = [](const std::string& day) {
        return day.empty() ? day : day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
    };
    s.first_date = as_date(first_day);
    s.last_date = as_date(last_day);
    s.by_channel = channels.counts();
    s.by_event = events.counts();
    s.by_theme = themes.counts();
    s.by_group = groups.counts();
    s.coded_by_hand = db.get_termfreq(std::string(schema::kTagSourcePrefix) + "manual");
    s.model_tagged = model_tagged_count(db);
    s.respondents = static_cast<Xapian::doccount>(people.size()) + unrecorded;
    std::string prefix = schema::kBatchKeyPrefix;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        BatchRecord record = batch_record_from_json(db.get_metadata(*key));
        s.rejected += record.rejected;
        ++s.batches;
    }
    return s;
}

Xapian::doccount count_respondents(const Xapian::Database& db, bool every_member) {
    return summarise_store(db, every_member).respondents;
}

}  // namespace yousaid
