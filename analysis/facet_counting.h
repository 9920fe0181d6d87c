#pragma once
// Exact facet counts (theme, group, polarity, event, channel) over every match
// of a search, counted the fastest way the store allows:
// - one local database whose every document holds the facets value
//   (facet_codes.h): its numbers, in an array. Given a way to reopen the
//   store, the count runs beside the ranking, on handles of its own: one
//   thread matches without weights (BoolWeight) while this one ranks only as
//   far as the page needs. The numbers come from the store's facets cache
//   (facet_cache.h) when it is current or can be made; else two more threads
//   read the matches' facets values (alternate batches each);
// - one local database without: each facet's own slot, in hash tables;
// - several databases or a remote shard (Xapian refuses our spies there, and
//   in a union a spy sees each shard's own docids): Xapian's
//   ValueCountMatchSpy, whose joined values are split afterwards.
#include <functional>
#include <map>
#include <string>

#include <xapian.h>

namespace yousaid {

// Counts by kind (schema::kThemeFacet, ...), then key as search shows it.
using FacetCounts = std::map<char, std::map<std::string, Xapian::doccount>>;

// Another handle on the same store, opened afresh; empty when there is none.
using StoreReopener = std::function<Xapian::Database()>;

// How to reach the searched store again: `reopen`, and `directory` when the
// store is one local directory (where its facets cache lives), else empty.
struct StoreAccess {
    StoreReopener reopen;
    std::string directory;
};

struct CountedMatches {
    Xapian::MSet page;          // enquire's matches [offset, offset + limit)
    Xapian::doccount total = 0; // every match, exact
    FacetCounts facets;         // over every match, exact
};

CountedMatches matches_with_facets(const Xapian::Database& db, Xapian::Enquire& enquire, unsigned offset,
                                   unsigned limit, const StoreAccess& access = {});

}  // namespace yousaid
