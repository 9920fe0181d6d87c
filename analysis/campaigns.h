#pragma once
// Campaigns: identical and near-identical submissions (the same letter sent by
// many people), grouped so that counts can take a campaign once and say how many
// joined it. Near-identical means a Jaccard similarity of at least 0.9 between
// the sets of word 3-shingles of the normalised texts (case-folded, punctuation
// and redaction labels ignored). Candidates are found with MinHash and
// locality-sensitive hashing: each document carries its LSH band keys in one
// value (schema::kNearDuplicateSlot, 4 bytes a band), and each linking run
// reads that value stream into an index of the bands its new responses have;
// each candidate pair is then checked exactly. (A term per band, as earlier
// stores have, cost a quarter of ingest time and of the store's size.)
// Groups are linked transitively; a campaign's id is the id of its earliest
// member (lowest document id), kept on every member in schema::kCampaignSlot
// and its record. (Stores written before also have the term
// schema::kCampaignPrefix + id; a member rewritten loses it.)
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

inline constexpr double kCampaignJaccard = 0.9;

// A pair is a candidate, checked exactly, when their MinHashes agree in at
// least this many of the 20 bands. A pair 0.9 similar agrees in each band with
// a chance of 0.9^5 = 0.59, so in fewer than 3 with a chance of 7.5 in
// a million; a pair 0.55 similar agrees in at least 3 with a chance of 0.08, in
// at least 1 with 0.64. On 100,000 synthetic responses, made of sentences
// from one pool, 65% of the pairs sharing a band shared only one, and they
// grow with the square of the store.
inline constexpr int kCandidateBands = 3;

// Texts of fewer words (as campaigns compare them) are never campaign members:
// short answers ("Parking", "Not sure", "No") repeat by chance, not by campaign,
// and counting them once would hide how many people gave them. (Texts under
// about 20 words join a campaign only with the same words in the same order:
// one word changed at the end of 10 words leaves 7 of 9 shingles, 0.78.)
inline constexpr std::size_t kCampaignMinWords = 10;

// The value DocumentBuilder stores in schema::kNearDuplicateSlot: the low 32
// bits of each of the text's kMinHashBands band hashes, little-endian, in band
// order; empty for a text of fewer than kCampaignMinWords words.
std::string near_duplicate_signature(const std::string& redacted_text);

struct CampaignLinking {
    int campaigns_touched = 0;  // campaigns created or grown
    int members_added = 0;      // responses newly put into a campaign
};

// Links `docids` (just written, not yet committed: every document written
// since the last commit must be among them) into campaigns with every
// response in the store. Rewrites the documents whose campaign changes. Does
// not commit.
CampaignLinking link_campaigns(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& docids);

struct Campaign {
    std::string id;                   // the first member's response id
    Xapian::doccount size = 0;        // members, the first included
    std::string text;                 // the first member's redacted text
    std::vector<std::string> events;  // where its members came from, most first
    std::vector<std::string> channels;
};

// Campaigns with at least `min_size` members, largest first.
std::vector<Campaign> list_campaigns(const Xapian::Database& db, Xapian::doccount min_size = 2);

}  // namespace yousaid
