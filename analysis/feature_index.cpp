#include "analysis/feature_index.h"

namespace yousaid {

FeatureIndex::FeatureIndex(const std::vector<std::uint64_t>& hashes) {
    std::size_t capacity = 16;
    while (capacity < 2 * hashes.size()) capacity *= 2;
    table_.assign(capacity, Entry{});
    mask_ = capacity - 1;
    for (std::uint32_t i = 0; i < hashes.size(); ++i) {
        std::size_t slot = hashes[i] & mask_;
        while (table_[slot].index != kAbsent) slot = (slot + 1) & mask_;
        table_[slot] = {hashes[i], i};
    }
}

}  // namespace yousaid
