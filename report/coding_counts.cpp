#include "report/coding_counts.h"

#include <string>
#include <vector>

#include "analysis/campaign_count.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"

namespace yousaid::report {

CodingCounts count_coding(const Xapian::Database& db, bool every_member) {
    const Xapian::docid last = db.get_lastdocid();
    std::vector<bool> counted(last + 1, false);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) counted[*it] = true;
    if (!every_member) {
        CampaignCount campaigns(db);
        const Xapian::valueno slot = schema::kCampaignSlot;
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            if (!campaigns.counts(it.get_docid(), *it)) counted[it.get_docid()] = false;
        }
    }
    auto holders = [&](const std::string& term) {
        std::vector<bool> out(last + 1, false);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out[*it] = true;
        return out;
    };
    const std::vector<bool> by_hand = holders(std::string(schema::kTagSourcePrefix) + "manual");
    const std::vector<bool> by_model = model_tagged_documents(db);
    std::vector<bool> coded(last + 1, false);
    const Xapian::valueno themes = schema::kThemesSlot;  // no value: no theme
    for (auto it = db.valuestream_begin(themes); it != db.valuestream_end(themes); ++it) coded[it.get_docid()] = true;

    CodingCounts n;
    for (Xapian::docid d = 1; d <= last; ++d) {
        if (!counted[d]) continue;
        ++n.counted;
        if (by_hand[d]) ++n.by_hand;
        else if (by_model[d]) ++n.by_model;
        else if (coded[d]) ++n.by_rules;
        else ++n.uncoded;
    }
    return n;
}

}  // namespace yousaid::report
