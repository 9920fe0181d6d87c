#include "analysis/campaign_count.h"

#include "analysis/schema.h"

namespace yousaid {

CampaignCount::CampaignCount(const Xapian::Database& db) {
    const std::string prefix = schema::kCampaignPrefix;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string id_term = schema::kIdPrefix + (*t).substr(prefix.size());
        Xapian::PostingIterator first = db.postlist_begin(id_term);
        // Membership read from the campaign's own short posting list, not the
        // document: a lookup in a list of a few docids.
        Xapian::PostingIterator member = db.postlist_begin(*t);
        const Xapian::docid earliest = *member;
        bool first_is_member = false;
        if (first != db.postlist_end(id_term)) {
            member.skip_to(*first);
            first_is_member = member != db.postlist_end(*t) && *member == *first;
        }
        first_members_.insert(first_is_member ? *first : earliest);
        if (t.get_termfreq() > 1) {
            ++campaigns_;
            members_ += t.get_termfreq();
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
