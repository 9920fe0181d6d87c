#include "analysis/store_summary.h"

#include "analysis/batch_record.h"
#include "analysis/campaign_count.h"
#include "analysis/schema.h"
#include "analysis/search.h"

namespace yousaid {

StoreSummary summarise_store(const Xapian::Database& db, bool every_member) {
    StoreSummary s;
    CampaignCount campaigns(db);
    s.campaigns = campaigns.campaigns();
    s.campaign_members = campaigns.members();
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        ++s.responses;
        std::string day = doc.get_value(schema::kDateSlot);
        if (day.size() == 8) {
            std::string date = day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
            if (s.first_date.empty() || date < s.first_date) s.first_date = date;
            if (s.last_date.empty() || date > s.last_date) s.last_date = date;
        }
        if (!every_member && !campaigns.counts(*it, doc.get_value(schema::kCampaignSlot))) continue;
        ++s.counted;
        ++s.by_channel[doc.get_value(schema::kChannelSlot)];
        ++s.by_event[doc.get_value(schema::kEventSlot)];
        std::vector<std::string> themes = split_list(doc.get_value(schema::kThemesSlot));
        if (themes.empty()) ++s.untagged;
        for (const std::string& t : themes) ++s.by_theme[t];
        for (const std::string& g : split_list(doc.get_value(schema::kGroupsSlot))) ++s.by_group[g];
    }
    s.coded_by_hand = db.get_termfreq(std::string(schema::kTagSourcePrefix) + "manual");
    s.model_tagged = db.get_termfreq(std::string(schema::kTagSourcePrefix) + "model");
    std::string prefix = schema::kBatchKeyPrefix;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        BatchRecord record = batch_record_from_json(db.get_metadata(*key));
        s.rejected += record.rejected;
        ++s.batches;
    }
    return s;
}

}  // namespace yousaid
