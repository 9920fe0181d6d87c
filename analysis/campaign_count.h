#pragma once
// Counting a campaign once (campaigns.h): its first member stands for it, the
// other members are left out of counts unless every member is asked for.
#include <string>
#include <unordered_set>

#include <xapian.h>

namespace yousaid {

class CampaignCount {
public:
    // Finds each campaign's first member: the earliest of its responses in the
    // store (the response whose id is the campaign's, or, when that one is
    // gone, the earliest left).
    explicit CampaignCount(const Xapian::Database& db);

    // False for a campaign member other than its first. `campaign` is the
    // document's value in schema::kCampaignSlot, so no document need be read.
    bool counts(Xapian::docid docid, const std::string& campaign) const;

    Xapian::doccount campaigns() const { return campaigns_; }  // of two or more members
    Xapian::doccount members() const { return members_; }      // their responses, first members included

private:
    std::unordered_set<Xapian::docid> first_members_;
    Xapian::doccount campaigns_ = 0;
    Xapian::doccount members_ = 0;
};

// The note printed under counts: "Campaigns counted once: 1 campaign with 30
// responses (use --every-member to count each)." Ends in a newline; empty when
// there are no campaigns.
std::string campaign_note(Xapian::doccount campaigns, Xapian::doccount members, bool every_member);

}  // namespace yousaid
