#include "analysis/campaign_count.h"

#include <unordered_map>
#include <utility>

#include "analysis/schema.h"

namespace yousaid {

CampaignCount::CampaignCount(const Xapian::Database& db) {
    // One pass over the campaign slot in docid order: a campaign's first
    // member is the first of its responses the store holds (the one whose id
    // the campaign bears, unless that one was removed: then the earliest left).
    std::unordered_map<std::string, std::pair<Xapian::docid, Xapian::doccount>> seen;  // first, size
    const Xapian::valueno slot = schema::kCampaignSlot;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        auto [at, added] = seen.try_emplace(*it, it.get_docid(), 0);
        ++at->second.second;
    }
    for (const auto& [campaign, first_and_size] : seen) {
        first_members_.insert(first_and_size.first);
        if (first_and_size.second > 1) {
            ++campaigns_;
            members_ += first_and_size.second;
        }
    }
}

bool CampaignCount::counts(Xapian::docid docid, const std::string& campaign) const {
    return campaign.empty() || first_members_.count(docid) != 0;
}

std::string campaign_note(Xapian::doccount campaigns, Xapian::doccount members, bool every_member) {
    if (campaigns == 0) return "";
    std::string what = std::to_string(campaigns) + (campaigns == 1 ? " campaign" : " campaigns") + " with " +
                       std::to_string(members) + " responses";
    return every_member ? "Campaigns: every response counted, " + what + ".\n"
                        : "Campaigns counted once: " + what + " (use --every-member to count each).\n";
}

}  // namespace yousaid
