#include "analysis/typical_responses.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/boolean_matches.h"

namespace yousaid {

namespace {

constexpr Xapian::doccount kSample = 200;  // responses read for the centre and scored
constexpr Xapian::termcount kCentreWords = 30;

// Stemmed words ("Z" + stem) of more than two letters that at most half the
// store holds: the candidates for a set's telling words.
class CentreWords : public Xapian::ExpandDecider {
public:
    explicit CentreWords(const Xapian::Database& db) : db_(db), ceiling_(db.get_doccount() / 2) {}
    bool operator()(const std::string& term) const override {
        return term.size() > 3 && term[0] == 'Z' && db_.get_termfreq(term) <= ceiling_;
    }

private:
    const Xapian::Database& db_;
    Xapian::doccount ceiling_;
};

// Every step-th response of the set, so the sample spans the whole set.
std::vector<Xapian::docid> even_sample(const Xapian::Database& db, const Xapian::Query& set) {
    std::vector<Xapian::docid> all;
    for_each_match(db, set, [&](Xapian::docid did) { all.push_back(did); });
    const std::size_t step = std::max<std::size_t>(1, (all.size() + kSample - 1) / kSample);
    std::vector<Xapian::docid> sample;
    for (std::size_t i = 0; i < all.size(); i += step) sample.push_back(all[i]);
    return sample;
}

}  // namespace

TypicalResponses typical_responses(const Xapian::Database& db, const Xapian::Query& set, std::size_t count) {
    TypicalResponses out;
    const std::vector<Xapian::docid> sample = even_sample(db, set);
    if (sample.empty()) return out;

    Xapian::RSet rset;
    for (Xapian::docid did : sample) rset.add_document(did);
    Xapian::Enquire enquire(db);
    enquire.set_query(set);
    const CentreWords words(db);
    const Xapian::ESet eset = enquire.get_eset(kCentreWords, rset, &words);
    std::map<std::string, double> weight;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        out.centre.push_back(*it);
        weight[*it] = it.get_weight();
    }

    for (Xapian::docid did : sample) {
        double sum = 0;
        Xapian::termcount distinct = 0;
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string& word = *t;
            if (word.empty() || word[0] != 'Z') continue;
            ++distinct;
            if (auto w = weight.find(word); w != weight.end()) sum += w->second;
        }
        out.responses.push_back({did, distinct ? sum / std::sqrt(static_cast<double>(distinct)) : 0});
    }
    std::stable_sort(out.responses.begin(), out.responses.end(),
                     [](const ScoredResponse& a, const ScoredResponse& b) { return a.closeness > b.closeness; });
    if (out.responses.size() > count) out.responses.resize(count);
    return out;
}

}  // namespace yousaid
