#pragma once
// The facets value (schema::kFacetsSlot): every facet of a response packed as
// 3-byte codes, so that search reads a few bytes per match rather than every
// facet's name. A code is a hash of the facet's kind letter (schema::kThemeFacet
// ...) and key: the theme or group id, the polarity, or the event or channel
// as a slug. No table of codes is stored: a reader rebuilds it from the store's
// own filter terms (XT, XG, XP, XE, XC), so stores searched together decode
// alike, and a code two keys share is found rather than miscounted.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "ingest/response.h"

namespace yousaid {

inline constexpr std::size_t kFacetCodeBytes = 3;

std::uint32_t facet_code(char kind, std::string_view key);

// The kFacetsSlot value of a response: its codes, kFacetCodeBytes each,
// least significant byte first.
std::string facets_value(const Response& response);

// The code that starts at byte `at` of a facets value.
std::uint32_t facet_code_at(const std::string& value, std::size_t at);

struct FacetKey {
    char kind = 0;
    std::string key;  // as search shows it: ids, and events and channels as written
};

// Every code the store's terms can produce, with what it stands for (an event
// or channel's name as written is read from one response holding it); nullopt
// when two keys share a code.
std::optional<std::unordered_map<std::uint32_t, FacetKey>> facet_codes(const Xapian::Database& db);

}  // namespace yousaid
