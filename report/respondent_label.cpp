#include "report/respondent_label.h"

#include <algorithm>
#include <functional>

#include "report/quote_text.h"

namespace yousaid::report {

RespondentLabels::RespondentLabels(const Codebook& codebook, const std::map<std::string, Xapian::doccount>& sizes) {
    std::map<std::string, const Group*> by_id;
    for (const Group& g : codebook.groups) by_id[g.id] = &g;
    // The codebook has no cycles among in-group references (codebook.h).
    std::function<void(const Group&, std::vector<std::string>&)> gather = [&](const Group& g,
                                                                             std::vector<std::string>& out) {
        for (const std::string& id : g.uses) {
            if (std::find(out.begin(), out.end(), id) != out.end()) continue;
            out.push_back(id);
            if (auto found = by_id.find(id); found != by_id.end()) gather(*found->second, out);
        }
    };
    for (std::size_t i = 0; i < codebook.groups.size(); ++i) {
        const Group& g = codebook.groups[i];
        if (g.label.empty()) continue;
        Known known{g.id, g.label, {}, 0, i};
        gather(g, known.uses);
        if (auto size = sizes.find(g.id); size != sizes.end()) known.size = size->second;
        groups_[g.id] = std::move(known);
    }
}

std::string RespondentLabels::describe(const Response& r) const {
    std::vector<const Known*> told;
    for (const Tag& tag : r.groups) {
        auto found = groups_.find(tag.id);
        if (found != groups_.end() && tag.confidence >= 1.0) told.push_back(&found->second);
    }
    auto built_on = [&](const Known* g) {
        return std::any_of(told.begin(), told.end(), [&](const Known* other) {
            return std::find(other->uses.begin(), other->uses.end(), g->id) != other->uses.end();
        });
    };
    const Known* best = nullptr;
    for (const Known* g : told) {
        if (built_on(g)) continue;
        if (!best || g->size < best->size || (g->size == best->size && g->order < best->order)) best = g;
    }
    if (best) return best->label;
    std::string who = person_from_attributes(r);
    return who.empty() ? "Participant" : who;
}

}  // namespace yousaid::report
