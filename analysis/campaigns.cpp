#include "analysis/campaigns.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/minhash.h"
#include "analysis/schema.h"
#include "ingest/response.h"

namespace yousaid {

namespace {

// The shingle hashes a text is compared by: none for a text too short to be in a campaign.
std::vector<std::uint64_t> campaign_shingles(const std::string& text) {
    std::vector<std::string> words = comparison_words(text);
    if (words.size() < kCampaignMinWords) return {};
    return shingle_hashes(word_shingles(words));
}

using BandKeys = std::array<std::uint32_t, kMinHashBands>;

BandKeys band_keys(const std::vector<std::uint64_t>& bands) {
    BandKeys keys{};
    for (std::size_t band = 0; band < keys.size() && band < bands.size(); ++band) {
        keys[band] = static_cast<std::uint32_t>(bands[band]);
    }
    return keys;
}

std::uint64_t keys_hash(const BandKeys& keys) {
    std::uint64_t h = 14695981039346656037ull;
    for (std::uint32_t key : keys) h = (h ^ key) * 1099511628211ull;
    return h;
}

// The keys of a kNearDuplicateSlot value; false when it holds none.
bool decode_signature(const std::string& value, BandKeys& keys) {
    if (value.size() != keys.size() * 4) return false;
    for (std::size_t band = 0; band < keys.size(); ++band) {
        std::uint32_t key = 0;
        for (int byte = 3; byte >= 0; --byte) key = (key << 8) | static_cast<unsigned char>(value[band * 4 + byte]);
        keys[band] = key;
    }
    return true;
}

// The band term a document of an earlier store carries for this band hash.
std::string legacy_band_term(int band, std::uint64_t hash) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%02d%016llx", band, static_cast<unsigned long long>(hash));
    return schema::kNearDuplicatePrefix + std::string(buffer);
}

// Two independent 64-bit hashes of a set of shingles: sets that differ share
// both with a chance of about 2^-128.
std::pair<std::uint64_t, std::uint64_t> fingerprint(const std::vector<std::uint64_t>& shingles) {
    std::uint64_t fnv = 14695981039346656037ull, sum = 0;
    for (std::uint64_t h : shingles) {
        for (int byte = 0; byte < 8; ++byte) fnv = (fnv ^ ((h >> (8 * byte)) & 0xff)) * 1099511628211ull;
        sum = sum * 0x9e3779b97f4a7c15ull + h;
    }
    return {fnv, sum};
}

// For one linking run: which documents of the store have each band key that
// the run's new documents have. The new documents' keys are read from each
// document (they are not committed yet, and a value stream need not show
// them: in a 30,000-response ingest it showed none); every other document's
// from the kNearDuplicateSlot value stream, so no other document is read.
// Holds 8 bytes per (band, document) pair whose key a new document shares, so
// a small batch into a large store stays small. A document deleted since the
// last commit may still be in the stream: it is only a candidate, and the
// linker skips it.
class BandIndex {
public:
    BandIndex(const Xapian::Database& db, const std::vector<Xapian::docid>& fresh) {
        BandKeys keys;
        for (Xapian::docid d : fresh) {
            if (!decode_signature(db.get_document(d).get_value(schema::kNearDuplicateSlot), keys)) continue;
            for (std::size_t band = 0; band < keys.size(); ++band) bands_[band].push_back(entry(keys[band], d));
        }
        for (std::vector<std::uint64_t>& entries : bands_) std::sort(entries.begin(), entries.end());
        std::array<std::size_t, kMinHashBands> fresh_entries{};
        for (std::size_t band = 0; band < bands_.size(); ++band) fresh_entries[band] = bands_[band].size();
        const Xapian::ValueIterator end = db.valuestream_end(schema::kNearDuplicateSlot);
        for (auto v = db.valuestream_begin(schema::kNearDuplicateSlot); v != end; ++v) {
            if (std::binary_search(fresh.begin(), fresh.end(), v.get_docid()) || !decode_signature(*v, keys)) continue;
            for (std::size_t band = 0; band < keys.size(); ++band) {
                std::vector<std::uint64_t>& entries = bands_[band];
                auto from = entries.begin(), to = from + static_cast<std::ptrdiff_t>(fresh_entries[band]);
                auto at = std::lower_bound(from, to, entry(keys[band], 0));
                if (at != to && (*at >> 32) == keys[band]) entries.push_back(entry(keys[band], v.get_docid()));
            }
        }
        for (std::vector<std::uint64_t>& entries : bands_) {
            std::sort(entries.begin(), entries.end());
            for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
                if ((entries[i] >> 32) != (entries[i + 1] >> 32)) continue;
                company_.push_back(docid(entries[i]));
                company_.push_back(docid(entries[i + 1]));
            }
        }
        std::sort(company_.begin(), company_.end());
        company_.erase(std::unique(company_.begin(), company_.end()), company_.end());
    }

    // True when no other document shares a band key with `d`: it has no
    // candidates, so linking need not read its text.
    bool alone(Xapian::docid d) const { return !std::binary_search(company_.begin(), company_.end(), d); }

    // Calls `f` with every document that has `key` in `band`, in docid order.
    template <typename F>
    void for_each_sharing(std::size_t band, std::uint32_t key, F f) const {
        const std::vector<std::uint64_t>& entries = bands_[band];
        for (auto at = std::lower_bound(entries.begin(), entries.end(), entry(key, 0));
             at != entries.end() && (*at >> 32) == key; ++at) {
            f(docid(*at));
        }
    }

private:
    static std::uint64_t entry(std::uint32_t key, Xapian::docid d) { return (std::uint64_t{key} << 32) | d; }
    static Xapian::docid docid(std::uint64_t entry) { return static_cast<Xapian::docid>(entry & 0xffffffffu); }

    std::array<std::vector<std::uint64_t>, kMinHashBands> bands_;
    std::vector<Xapian::docid> company_;  // documents sharing a band key with another, ascending
};

// The members of each campaign, read from schema::kCampaignSlot's value
// stream, but for `fresh` documents (every document written since the last
// commit, which a value stream need not show), read from themselves.
class CampaignMembers {
public:
    CampaignMembers(const Xapian::Database& db, const std::vector<Xapian::docid>& fresh) {
        const Xapian::ValueIterator end = db.valuestream_end(schema::kCampaignSlot);
        for (auto v = db.valuestream_begin(schema::kCampaignSlot); v != end; ++v) {
            if (!std::binary_search(fresh.begin(), fresh.end(), v.get_docid())) members_[*v].push_back(v.get_docid());
        }
        for (Xapian::docid d : fresh) {
            std::string id = db.get_document(d).get_value(schema::kCampaignSlot);
            if (!id.empty()) members_[id].push_back(d);
        }
        for (auto& [id, docids] : members_) {
            std::sort(docids.begin(), docids.end());
            for (Xapian::docid d : docids) campaign_of_.emplace(d, &id);
        }
    }

    bool empty() const { return members_.empty(); }

    // The campaign `d` is in; empty when none.
    const std::string& campaign_of(Xapian::docid d) const {
        static const std::string none;
        auto found = campaign_of_.find(d);
        return found == campaign_of_.end() ? none : *found->second;
    }

    // In docid order; empty for a campaign with no members.
    const std::vector<Xapian::docid>& of(const std::string& id) const {
        static const std::vector<Xapian::docid> none;
        auto found = members_.find(id);
        return found == members_.end() ? none : found->second;
    }

    // Calls f(id, members) for every campaign, in no set order.
    template <typename F>
    void for_each(F f) const {
        for (const auto& [id, docids] : members_) f(id, docids);
    }

private:
    std::unordered_map<std::string, std::vector<Xapian::docid>> members_;
    std::unordered_map<Xapian::docid, const std::string*> campaign_of_;  // into members_'s keys
};

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The terms of `doc` that start with `prefix`.
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
    std::vector<std::string> out;
    Xapian::TermIterator t = doc.termlist_begin();
    for (t.skip_to(prefix); t != doc.termlist_end() && starts_with(*t, prefix); ++t) out.push_back(*t);
    return out;
}

std::string response_id(const Xapian::Document& doc) {
    std::vector<std::string> ids = terms_with_prefix(doc, schema::kIdPrefix);
    return ids.empty() ? "" : ids[0].substr(std::string(schema::kIdPrefix).size());
}

// Union-find over document ids, held in arrays indexed by docid: a linking
// run looks up the same documents millions of times, and in a hash table those
// lookups were a third of a million-response run. Each set's representative is
// arbitrary.
class Components {
public:
    explicit Components(Xapian::docid last) : parent_(std::size_t{last} + 1, 0) {}
    bool contains(Xapian::docid d) const { return d < parent_.size() && parent_[d] != 0; }
    void add(Xapian::docid d) {
        if (d >= parent_.size()) parent_.resize(std::size_t{d} + 1, 0);
        parent_[d] = d;
        nodes_.push_back(d);
    }
    Xapian::docid find(Xapian::docid d) {
        Xapian::docid root = d;
        while (parent_[root] != root) root = parent_[root];
        while (parent_[d] != root) d = std::exchange(parent_[d], root);
        return root;
    }
    void unite(Xapian::docid a, Xapian::docid b) { parent_[find(a)] = find(b); }
    // Every document added, in the order added.
    const std::vector<Xapian::docid>& nodes() const { return nodes_; }

private:
    std::vector<Xapian::docid> parent_;  // 0: not added
    std::vector<Xapian::docid> nodes_;
};

// The documents one linking run has looked at, the campaign each had, and the
// links between them: existing campaigns are taken as they are (their members
// were linked when they joined), new links only after an exact check.
class Linker {
public:
    // `legacy_terms`: the store has documents with band terms rather than the
    // value; `legacy_campaign_terms`: with campaign terms beside the value.
    Linker(Xapian::WritableDatabase& db, const BandIndex& index, const CampaignMembers& members, bool legacy_terms,
           bool legacy_campaign_terms)
        : db_(db), index_(index), members_(members), legacy_terms_(legacy_terms),
          legacy_campaign_terms_(legacy_campaign_terms), components_(db.get_lastdocid()),
          shingles_(std::size_t{db.get_lastdocid()} + 1), shared_(std::size_t{db.get_lastdocid()} + 1, 0) {}

    // Brings `d`, which is in the store, in with the campaign it has (as
    // CampaignMembers read it: `d` itself is not read), and all of that campaign.
    void node(Xapian::docid d) {
        if (components_.contains(d)) return;
        const std::string& campaign = members_.campaign_of(d);
        components_.add(d);
        before_[d] = campaign;
        if (!campaign.empty()) load_campaign(campaign);
    }

    // Every member of the campaign, linked to each other.
    void load_campaign(const std::string& id) {
        if (!loaded_.insert(id).second) return;
        Xapian::docid first = 0;
        for (Xapian::docid member : members_.of(id)) {
            if (!components_.contains(member)) {
                components_.add(member);
                before_[member] = id;
            }
            if (first) components_.unite(member, first);
            else first = member;
        }
    }

    // A document's shingles, read once. The reference stays good while the
    // linker lives: the table is never resized (no docid passes the last one
    // when the linker is made; the map beside it is for safety).
    const std::vector<std::uint64_t>& shingles_of(Xapian::docid d) {
        std::vector<std::uint64_t>& known = d < shingles_.size() ? shingles_[d] : past_last_[d];
        if (known.empty()) known = campaign_shingles(response_from_json(db_.get_document(d).get_data()).redacted_text);
        return known;
    }

    void unite(Xapian::docid a, Xapian::docid b) { components_.unite(a, b); }

    // The documents sharing at least kCandidateBands bands with `d`, whose band
    // keys these are, in docid order. `shingles`, d's, are needed only where
    // the store has band terms.
    std::vector<Xapian::docid> candidates(Xapian::docid d, const BandKeys& keys,
                                          const std::vector<std::uint64_t>* shingles) {
        // Each document's bands are counted in shared_[docid]: sorting every
        // document met, once a band, was half of linking a million responses.
        std::vector<Xapian::docid> out, met;  // met: every document counted, to set its count back
        auto count = [&](Xapian::docid c) {
            if (c == d) return;
            if (c >= shared_.size()) shared_.resize(std::size_t{c} + 1, 0);
            const int bands = ++shared_[c];  // at most 40 (20 bands, and 20 band terms)
            if (bands == 1) met.push_back(c);
            if (bands == kCandidateBands) out.push_back(c);
        };
        for (std::size_t band = 0; band < keys.size(); ++band) index_.for_each_sharing(band, keys[band], count);
        if (legacy_terms_ && shingles) {
            // Band terms hold the whole 64-bit band hashes, which the value does not.
            const std::vector<std::uint64_t> bands = minhash_bands(*shingles);
            for (std::size_t band = 0; band < bands.size(); ++band) {
                const std::string term = legacy_band_term(static_cast<int>(band), bands[band]);
                const Xapian::PostingIterator end = db_.postlist_end(term);
                for (auto p = db_.postlist_begin(term); p != end; ++p) count(*p);
            }
        }
        for (Xapian::docid c : met) shared_[c] = 0;
        std::sort(out.begin(), out.end());
        return out;
    }

    // Links `d`, whose shingles these are, with every one of its candidates
    // whose text is near-identical.
    void link(Xapian::docid d, const std::vector<std::uint64_t>& shingles, const std::vector<Xapian::docid>& candidates) {
        for (Xapian::docid c : candidates) {
            if (!components_.contains(c)) {
                try {
                    db_.get_document(c);  // throws for a document deleted since the last commit
                } catch (const Xapian::DocNotFoundError&) {
                    continue;
                }
                node(c);
            }
            if (components_.find(c) == components_.find(d)) continue;
            const std::vector<std::uint64_t>& theirs = shingles_of(c);
            // The Jaccard similarity is at most the smaller set's share of the larger.
            const double fewer = static_cast<double>(std::min(shingles.size(), theirs.size()));
            const double more = static_cast<double>(std::max(shingles.size(), theirs.size()));
            if (fewer < kCampaignJaccard * more) continue;
            if (jaccard(shingles, theirs) >= kCampaignJaccard) components_.unite(c, d);
        }
    }

    // Gives every document looked at the id of its set's earliest member (none
    // for a set of one) and rewrites those whose campaign changed.
    CampaignLinking write() {
        std::unordered_map<Xapian::docid, Xapian::docid> first;
        std::unordered_map<Xapian::docid, Xapian::doccount> size;
        for (Xapian::docid d : components_.nodes()) {
            Xapian::docid root = components_.find(d);
            auto [at, inserted] = first.emplace(root, d);
            if (!inserted) at->second = std::min(at->second, d);
            ++size[root];
        }
        std::unordered_map<Xapian::docid, std::string> ids;
        std::set<Xapian::docid> touched;
        std::vector<std::pair<Xapian::docid, const std::string*>> changes;  // into ids
        static const std::string none;
        CampaignLinking result;
        for (Xapian::docid d : components_.nodes()) {
            Xapian::docid root = components_.find(d);
            const std::string* id = &none;
            if (size[root] > 1) {
                auto known = ids.find(root);
                id = known != ids.end() ? &known->second
                                        : &(ids[root] = response_id(db_.get_document(first[root])));
            }
            if (*id == before_[d]) continue;
            if (!id->empty()) {
                touched.insert(root);
                if (before_[d].empty()) ++result.members_added;
            }
            changes.emplace_back(d, id);
        }
        // In docid order, neighbours share Xapian's blocks: 172,149 members of a
        // million-response store were rewritten in 23 s so, in 63 s in no order.
        std::sort(changes.begin(), changes.end());
        for (const auto& [d, id] : changes) rewrite(d, *id);
        result.campaigns_touched = static_cast<int>(touched.size());
        return result;
    }

private:
    // Changes the document's value and record only: a term changed would have
    // Xapian load every term's positions to write the document again, four
    // times the cost (but in a store with campaign terms, which go).
    void rewrite(Xapian::docid d, const std::string& campaign) {
        Xapian::Document doc = db_.get_document(d);
        if (legacy_campaign_terms_) {
            for (const std::string& term : terms_with_prefix(doc, schema::kCampaignPrefix)) doc.remove_term(term);
        }
        Response r = response_from_json(doc.get_data());
        r.campaign = campaign;
        doc.set_data(to_json(r));
        doc.add_value(schema::kCampaignSlot, campaign);  // an empty value takes it away
        db_.replace_document(d, doc);
    }

    Xapian::WritableDatabase& db_;
    const BandIndex& index_;
    const CampaignMembers& members_;
    const bool legacy_terms_;
    const bool legacy_campaign_terms_;
    Components components_;
    std::unordered_map<Xapian::docid, std::string> before_;  // the campaign each had
    std::set<std::string> loaded_;
    std::vector<std::vector<std::uint64_t>> shingles_;  // by docid; empty until read
    std::map<Xapian::docid, std::vector<std::uint64_t>> past_last_;
    std::vector<std::uint8_t> shared_;  // by docid: bands shared with the document being looked up; 0 between
};

std::vector<std::string> most_first(const std::map<std::string, Xapian::doccount>& counts) {
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (const auto& [name, n] : sorted) {
        if (!name.empty()) out.push_back(name);
    }
    return out;
}

}  // namespace

std::string near_duplicate_signature(const std::string& redacted_text) {
    std::vector<std::uint64_t> shingles = campaign_shingles(redacted_text);
    if (shingles.empty()) return {};
    std::string value;
    for (std::uint32_t key : band_keys(minhash_bands(shingles))) {
        for (int byte = 0; byte < 4; ++byte) value.push_back(static_cast<char>((key >> (8 * byte)) & 0xff));
    }
    return value;
}

CampaignLinking link_campaigns(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& docids) {
    std::vector<Xapian::docid> fresh(docids);
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    BandIndex index(db, fresh);
    const CampaignMembers members(db, fresh);
    auto has_terms = [&db](const char* prefix) { return db.allterms_begin(prefix) != db.allterms_end(prefix); };
    const bool legacy_terms = has_terms(schema::kNearDuplicatePrefix);
    Linker linker(db, index, members, legacy_terms, has_terms(schema::kCampaignPrefix));
    // Documents with the same shingles have the same candidates: only the
    // first is looked up, and the rest join it, so a batch of identical letters
    // costs one lookup, not one each; a 128-bit hash of the shingles finds the
    // first with the same. The linker keeps the shingles of the documents that
    // share a band with another (8 bytes a shingle), each read once.
    std::map<std::pair<std::uint64_t, std::uint64_t>, Xapian::docid> first_with;
    // A document whose signature an earlier new one has has that one for a
    // candidate (all bands agree), so its text is read at once: when it is the
    // same, it joins the earlier one and its candidates are never counted. (The
    // signatures are kept as 64-bit hashes: two that collide cost a text read.)
    std::unordered_set<std::uint64_t> signatures;
    for (Xapian::docid d : fresh) {
        linker.node(d);
        Xapian::Document doc = db.get_document(d);
        // A re-ingested first member loses its campaign term: bring in the rest
        // of its campaign so that it gets a new first member if it is not linked again.
        if (!members.empty()) {
            std::string id = response_id(doc);
            if (!members.of(id).empty()) linker.load_campaign(id);
        }
        if (index.alone(d) && !legacy_terms) continue;  // nothing to compare its text with
        // The keys DocumentBuilder stored, rather than the MinHash again. Its
        // text is read only when it has candidates (or band terms are to be found).
        BandKeys keys;
        const bool stored_keys = decode_signature(doc.get_value(schema::kNearDuplicateSlot), keys);
        const std::vector<std::uint64_t>* shingles = nullptr;
        if (legacy_terms || !stored_keys || !signatures.insert(keys_hash(keys)).second) {
            shingles = &linker.shingles_of(d);
            if (shingles->empty()) continue;
            if (!stored_keys) keys = band_keys(minhash_bands(*shingles));
            auto same = first_with.find(fingerprint(*shingles));
            if (same != first_with.end()) {
                linker.unite(d, same->second);
                continue;
            }
        }
        const std::vector<Xapian::docid> candidates = linker.candidates(d, keys, shingles);
        if (candidates.empty()) continue;
        if (!shingles) shingles = &linker.shingles_of(d);
        if (shingles->empty()) continue;
        auto [first, new_text] = first_with.emplace(fingerprint(*shingles), d);
        if (new_text) linker.link(d, *shingles, candidates);
        else linker.unite(d, first->second);
    }
    return linker.write();
}

std::vector<Campaign> list_campaigns(const Xapian::Database& db, Xapian::doccount min_size) {
    std::vector<Campaign> campaigns;
    CampaignMembers(db, {}).for_each([&](const std::string& id, const std::vector<Xapian::docid>& docids) {
        if (docids.size() < std::max<Xapian::doccount>(min_size, 1)) return;
        Campaign c;
        c.id = id;
        c.size = static_cast<Xapian::doccount>(docids.size());
        std::map<std::string, Xapian::doccount> events, channels;
        for (Xapian::docid d : docids) {
            Xapian::Document doc = db.get_document(d);
            ++events[doc.get_value(schema::kEventSlot)];
            ++channels[doc.get_value(schema::kChannelSlot)];
        }
        c.events = most_first(events);
        c.channels = most_first(channels);
        // The first member's text; the earliest remaining one's if it is gone.
        std::string id_term = schema::kIdPrefix + c.id;
        Xapian::PostingIterator first = db.postlist_begin(id_term);
        Xapian::docid docid = first != db.postlist_end(id_term) ? *first : docids.front();
        c.text = response_from_json(db.get_document(docid).get_data()).redacted_text;
        campaigns.push_back(std::move(c));
    });
    std::stable_sort(campaigns.begin(), campaigns.end(), [](const Campaign& a, const Campaign& b) {
        return a.size != b.size ? a.size > b.size : a.id < b.id;
    });
    return campaigns;
}

}  // namespace yousaid
