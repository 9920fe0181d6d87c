#include "report/quote_picker.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analysis/model_tags.h"
#include "analysis/typical_responses.h"
#include "analysis/schema.h"
#include "ingest/response.h"
#include "report/quote_text.h"

namespace yousaid::report {

namespace {

constexpr std::size_t kCandidates = 80;
constexpr int kMinWords = 8;

struct Candidate {
    Response response;
    double closeness = 0;  // to the theme's centre; breaks ties of penalty
    int penalty = 0;       // lower is better
};

bool shows_redaction(const Response& r) { return r.redacted_text != r.original_text; }

// Runs of six words, lower-cased: two quotes sharing one say the same thing.
std::set<std::string> shingles(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    std::set<std::string> out;
    for (std::size_t i = 0; i + 6 <= words.size(); ++i) {
        std::string run;
        for (std::size_t j = i; j < i + 6; ++j) run += words[j] + " ";
        out.insert(run);
    }
    return out;
}

bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (const std::string& s : a) {
        if (b.count(s)) return true;
    }
    return false;
}

}  // namespace

std::vector<PickedQuote> pick_quotes(const Xapian::Database& db, const Theme& theme, int count,
                                     QuotedSoFar& quoted) {
    const TypicalResponses typical = typical_responses(db, theme_query(db, theme.id), kCandidates);
    std::vector<Candidate> candidates;
    std::set<std::string> texts;
    for (const ScoredResponse& scored : typical.responses) {
        Candidate c{stored_response(db.get_document(scored.docid))};
        c.closeness = scored.closeness;
        if (quoted.ids.count(c.response.id) || !texts.insert(c.response.redacted_text).second) continue;
        // A campaign is quoted once, as it is counted once: through the member
        // whose id it bears (the first), never through a later one.
        if (!c.response.campaign.empty() && c.response.campaign != c.response.id) continue;
        int words = count_words(c.response.redacted_text);
        if (words < kMinWords) c.penalty += 2;
        if (words > kMaxQuoteWords) c.penalty += 1;
        if (shows_redaction(c.response)) c.penalty += 4;
        candidates.push_back(std::move(c));
    }
    // typical_responses gives them closest first; a penalty outranks closeness.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.penalty < b.penalty; });

    // Greedy spread: prefer a channel and a first group not yet quoted.
    std::vector<PickedQuote> quotes;
    std::set<std::string> channels, groups;
    std::vector<bool> used_here(candidates.size(), false);
    for (int round = 0; round < 2 && static_cast<int>(quotes.size()) < count; ++round) {
        for (std::size_t i = 0; i < candidates.size() && static_cast<int>(quotes.size()) < count; ++i) {
            if (used_here[i]) continue;
            const Response& r = candidates[i].response;
            std::string group = r.groups.empty() ? "" : r.groups.front().id;
            bool fresh = !channels.count(r.channel) && (group.empty() || !groups.count(group));
            if (round == 0 && !fresh) continue;
            std::set<std::string> own = shingles(r.redacted_text);
            if (overlaps(own, quoted.shingles)) continue;
            quoted.shingles.insert(own.begin(), own.end());
            used_here[i] = true;
            quoted.ids.insert(r.id);
            channels.insert(r.channel);
            if (!group.empty()) groups.insert(group);
            quotes.push_back({r.id, {shorten_quote(r.redacted_text, kMaxQuoteWords), attribution(r)}});
        }
    }
    return quotes;
}

}  // namespace yousaid::report
