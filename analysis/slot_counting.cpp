#include "analysis/slot_counting.h"

#include <algorithm>

#include "analysis/schema.h"

namespace yousaid {

const std::string* ValueCursor::value_of(Xapian::docid did) {
    // The stream may stand past `did` when `did` has no value: start again
    // only for a document before the last one asked for.
    if (did < last_asked_) at_ = db_.valuestream_begin(slot_);
    last_asked_ = did;
    if (at_ == end_) return nullptr;
    at_.skip_to(did);
    if (at_ == end_ || at_.get_docid() != did) return nullptr;
    value_ = *at_;
    return &value_;
}

bool SlotEntryCounter::count(Xapian::docid did) {
    const std::string* value = values_.value_of(did);
    if (!value) return false;
    // Neighbouring documents often share a value (one event per batch): count it again.
    if (*value != last_value_) {
        last_value_ = *value;
        last_counts_.clear();
        std::string_view rest = last_value_;
        while (!rest.empty()) {
            const std::size_t end = std::min(rest.find(schema::kListSeparator), rest.size());
            if (end > 0) last_counts_.push_back(&count_of(rest.substr(0, end)));
            rest.remove_prefix(std::min(end + 1, rest.size()));
        }
    }
    for (Xapian::doccount* n : last_counts_) ++*n;
    return true;
}

std::map<std::string, Xapian::doccount> SlotEntryCounter::counts() const {
    return std::map<std::string, Xapian::doccount>(counts_.begin(), counts_.end());
}

Xapian::doccount& SlotEntryCounter::count_of(std::string_view entry) {
    auto found = counts_.find(entry);
    if (found == counts_.end()) found = counts_.emplace(names_.emplace_back(entry), 0).first;
    return found->second;  // stays where it is: the table's nodes never move
}

}  // namespace yousaid
