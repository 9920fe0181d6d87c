#pragma once
// Every document's facets value (facet_codes.h) laid out by docid in one file
// beside the store's Xapian tables, `facets.cache`, so that search finds a
// match's facet numbers with two array reads. Xapian keeps a slot's values in
// chunks reached through its B-tree: reading the values of 10,000 matches
// scattered over a million documents walks most of the chunks again (about
// 0.5 µs a match), while the whole stream, read in order, takes 35 ms, and
// the file is made and written in about 50 ms.
//
// The file is derived data, never the truth. It names the database (UUID) and
// revision it was made from and is used only with a handle on that revision.
// A missing or stale file is made again from the value stream, by the next
// search or by a command right after it commits, written under a temporary
// name and renamed into place, so a reader sees a whole file or none. A
// directory that cannot be written gets no file, and search reads values.
//
// Layout, little-endian: "YSFACET1", revision u32, last docid u32, value bytes
// u64, UUID (40 bytes, NUL-padded); offsets u32[last docid + 2] (document d's
// value is bytes [offsets[d], offsets[d + 1]), empty when it has none); the
// values, format byte included.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/facet_codes.h"

namespace yousaid {

class FacetCache {
public:
    // The cache of `db`, one local database opened from directory `dir`, at
    // db's revision: the file when it is current, else made now and written.
    // Null when every document does not hold the facets value, or when the
    // file is not current and `dir` cannot be written.
    static std::unique_ptr<FacetCache> load(const Xapian::Database& db, const std::string& dir);

    FacetCache(const FacetCache&) = delete;
    FacetCache& operator=(const FacetCache&) = delete;
    ~FacetCache();

    // Calls f(number) for each facet number of document `did`.
    template <typename F>
    void for_each_code(Xapian::docid did, F&& f) const {
        if (did >= last_docid_ + 1) return;
        const std::uint32_t begin = offsets_[did], end = offsets_[did + 1];
        if (begin < end && end <= value_bytes_) {
            for_each_facet_code(std::string_view(values_ + begin, end - begin), f);
        }
    }

private:
    FacetCache() = default;
    bool map_file(const std::string& path, const Xapian::Database& db);
    bool build(const Xapian::Database& db);

    // Views into the mapped file or into what build() made.
    const std::uint32_t* offsets_ = nullptr;
    const char* values_ = nullptr;
    Xapian::docid last_docid_ = 0;
    std::uint64_t value_bytes_ = 0;

    void* map_ = nullptr;
    std::size_t map_size_ = 0;
    std::vector<std::uint32_t> built_offsets_;
    std::string built_values_;
};

// Brings the cache of the store in `dir` up to date with `db` (a writer's
// handle, right after its commit), so the next search need not; does nothing
// where load() would return null, and never throws: what the writer committed
// stands either way.
void refresh_facet_cache(const Xapian::Database& db, const std::string& dir);

}  // namespace yousaid
