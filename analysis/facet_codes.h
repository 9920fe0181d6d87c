#pragma once
// The facets value (schema::kFacetsSlot): every facet of a response as small
// numbers, so that search reads a few bytes per match rather than every
// facet's name, and counts each in an array. The numbers are the store's own:
// a facet key (its kind letter, schema::kThemeFacet ..., then the theme or
// group id, the polarity, or the event or channel as a slug) gets the next free
// number the first time a document needs it, kept in the store's metadata in
// the same commit as that document. A value is a format byte, then LEB128
// numbers: most stay inside std::string's short-string buffer, so neither
// Xapian nor search allocates to read one.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "ingest/response.h"

namespace yousaid {

inline constexpr char kFacetsFormat = '\x01';

// Writes the facets values of one writable store's documents, numbering keys
// new to the store. Lives no longer than the transaction it writes in: numbers
// it gave out are gone from the store if that transaction is cancelled.
//
// One thread calls value_of. When another thread writes to `db` meanwhile, both
// hold `db_lock` for every call on it; the writer reads the store only for a
// key it has not met before, a few times a batch.
class FacetCodeWriter {
public:
    explicit FacetCodeWriter(Xapian::WritableDatabase& db, std::mutex* db_lock = nullptr)
        : db_(db), db_lock_(db_lock) {}
    std::string value_of(const Response& response);

private:
    std::uint32_t code_of(char kind, const std::string& key, const std::string& shown);

    Xapian::WritableDatabase& db_;
    std::mutex* db_lock_;
    std::unordered_map<std::string, std::uint32_t> known_;  // kind + key -> number
};

struct FacetKey {
    char kind = 0;
    std::string key;  // as search shows it: ids, and events and channels as first written
};

// What each number of a store's facets values stands for, indexed by number;
// empty when the store has none (written before them, or several databases).
std::vector<FacetKey> facet_keys(const Xapian::Database& db);

// Calls f(number) for each number of a facets value; stops at a malformed one.
template <typename F>
void for_each_facet_code(std::string_view value, F&& f) {
    if (value.empty() || value[0] != kFacetsFormat) return;
    std::uint32_t code = 0;
    int shift = 0;
    for (std::size_t i = 1; i < value.size(); ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        code |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (byte & 0x80) {
            shift += 7;
            if (shift > 28) return;
            continue;
        }
        f(code);
        code = 0;
        shift = 0;
    }
}

}  // namespace yousaid
