#pragma once
// Reading one value slot for documents visited in docid order, and counting
// its entries: what search's facets over a store without the facets value, and
// the store's summary, are made of. One local database only: over several, a
// docid is not one document.
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace yousaid {

// A slot's value stream, moved forward to each document asked for: far cheaper
// than Document::get_value, which looks each one up afresh, when documents come
// in docid order (an earlier one starts the stream again).
class ValueCursor {
public:
    ValueCursor(const Xapian::Database& db, Xapian::valueno slot)
        : db_(db), slot_(slot), at_(db.valuestream_begin(slot)), end_(db.valuestream_end(slot)) {}

    // The document's value, or nullptr when it has none.
    const std::string* value_of(Xapian::docid did);

private:
    const Xapian::Database& db_;
    Xapian::valueno slot_;
    Xapian::ValueIterator at_, end_;
    Xapian::docid last_asked_ = 0;
    std::string value_;
};

// Exact counts of the entries of one slot over the documents given: each
// value (one entry, or entries joined by schema::kListSeparator) is split in
// place and each entry counted in a hash table keyed by views into strings
// kept here, so a document costs one value read and a lookup per entry.
class SlotEntryCounter {
public:
    SlotEntryCounter(const Xapian::Database& db, Xapian::valueno slot) : values_(db, slot) {}

    // Whether the document has a value in the slot.
    bool count(Xapian::docid did);
    std::map<std::string, Xapian::doccount> counts() const;

private:
    Xapian::doccount& count_of(std::string_view entry);

    ValueCursor values_;
    std::deque<std::string> names_;  // the keys' storage: a deque never moves its strings
    std::unordered_map<std::string_view, Xapian::doccount> counts_;
    std::string last_value_;
    std::vector<Xapian::doccount*> last_counts_;  // the counts last_value_ adds to
};

}  // namespace yousaid
