#pragma once
// A learned vocabulary's lookup: feature hash -> feature index, in one
// open-addressed table. Predicting looks up every n-gram of a text, most of
// them never seen in training; a node-based map took two cache misses and a
// division for each (a third of a prediction's time), this takes one probe
// run in a table at most half full.
#include <cstdint>
#include <vector>

namespace yousaid {

class FeatureIndex {
public:
    static constexpr std::uint32_t kAbsent = 0xffffffffu;

    FeatureIndex() = default;
    // Feature i has hashes[i]; hashes are distinct and already mixed (their
    // low bits choose the slot).
    explicit FeatureIndex(const std::vector<std::uint64_t>& hashes);

    // The index of the feature with this hash, or kAbsent when training never met it.
    std::uint32_t find(std::uint64_t hash) const {
        if (table_.empty()) return kAbsent;
        for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
            const Entry& e = table_[slot];
            if (e.index == kAbsent || e.hash == hash) return e.index;
        }
    }

    // Starts loading the slot `hash` would be looked up in: a text's lookups
    // are known before they are made, and most wait on memory.
    void prefetch(std::uint64_t hash) const {
        if (!table_.empty()) __builtin_prefetch(&table_[hash & mask_]);
    }

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::uint32_t index = kAbsent;  // kAbsent: a free slot
    };
    std::vector<Entry> table_;
    std::size_t mask_ = 0;
};

}  // namespace yousaid
