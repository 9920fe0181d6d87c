#include "analysis/facet_codes.h"

#include "analysis/schema.h"
#include "ingest/unicode_text.h"

namespace yousaid {

std::uint32_t facet_code(char kind, std::string_view key) {
    std::uint32_t h = 2166136261u;  // FNV-1a, then folded to 24 bits
    h = (h ^ static_cast<unsigned char>(kind)) * 16777619u;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return (h >> 24) ^ (h & 0xffffffu);
}

std::string facets_value(const Response& r) {
    std::string out;
    auto add = [&](char kind, const std::string& key) {
        if (key.empty()) return;
        const std::uint32_t code = facet_code(kind, key);
        for (std::size_t b = 0; b < kFacetCodeBytes; ++b) out += static_cast<char>((code >> (8 * b)) & 0xff);
    };
    for (const Tag& t : r.themes) add(schema::kThemeFacet, t.id);
    for (const Tag& g : r.groups) add(schema::kGroupFacet, g.id);
    add(schema::kEventFacet, slug(r.event));
    add(schema::kChannelFacet, slug(r.channel));
    add(schema::kPolarityFacet, r.polarity);
    return out;
}

std::uint32_t facet_code_at(const std::string& value, std::size_t at) {
    std::uint32_t code = 0;
    for (std::size_t b = 0; b < kFacetCodeBytes; ++b) {
        code |= static_cast<std::uint32_t>(static_cast<unsigned char>(value[at + b])) << (8 * b);
    }
    return code;
}

std::optional<std::unordered_map<std::uint32_t, FacetKey>> facet_codes(const Xapian::Database& db) {
    std::unordered_map<std::uint32_t, FacetKey> codes;
    struct Source {
        const char* prefix;
        char kind;
        Xapian::valueno name_slot;  // where the name as written is, or BAD_VALUENO: the key is the name
    };
    const Source sources[] = {{schema::kThemePrefix, schema::kThemeFacet, Xapian::BAD_VALUENO},
                              {schema::kGroupPrefix, schema::kGroupFacet, Xapian::BAD_VALUENO},
                              {schema::kPolarityPrefix, schema::kPolarityFacet, Xapian::BAD_VALUENO},
                              {schema::kEventPrefix, schema::kEventFacet, schema::kEventSlot},
                              {schema::kChannelPrefix, schema::kChannelFacet, schema::kChannelSlot}};
    for (const Source& s : sources) {
        const std::string prefix = s.prefix;
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string key = (*t).substr(prefix.size());
            FacetKey shown{s.kind, key};
            if (s.name_slot != Xapian::BAD_VALUENO) shown.key = db.get_document(*db.postlist_begin(*t)).get_value(s.name_slot);
            auto [at, added] = codes.emplace(facet_code(s.kind, key), shown);
            if (!added) return std::nullopt;
        }
    }
    return codes;
}

}  // namespace yousaid
