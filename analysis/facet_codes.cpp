#include "analysis/facet_codes.h"

#include "analysis/schema.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

// facet:<kind><key> -> "<number>\t<shown>"; facets -> how many numbers are given out.
constexpr const char* kKeyPrefix = "facet:";
constexpr const char* kCountKey = "facets";

void append_code(std::string& out, std::uint32_t code) {
    while (code >= 0x80) {
        out += static_cast<char>((code & 0x7f) | 0x80);
        code >>= 7;
    }
    out += static_cast<char>(code);
}

}  // namespace

std::uint32_t FacetCodeWriter::code_of(char kind, const std::string& key, const std::string& shown) {
    const std::string name = std::string(1, kind) + key;
    if (auto at = known_.find(name); at != known_.end()) return at->second;
    // Another writer in this transaction (ingest tags before it commits) may
    // have numbered the key already: the store's metadata, pending changes
    // included, is the one record.
    std::unique_lock<std::mutex> lock;
    if (db_lock_) lock = std::unique_lock<std::mutex>(*db_lock_);
    const std::string stored = db_.get_metadata(kKeyPrefix + name);
    std::uint32_t code;
    if (!stored.empty()) {
        code = static_cast<std::uint32_t>(std::stoul(stored.substr(0, stored.find('\t'))));
    } else {
        const std::string count = db_.get_metadata(kCountKey);
        code = count.empty() ? 0 : static_cast<std::uint32_t>(std::stoul(count));
        db_.set_metadata(kKeyPrefix + name, std::to_string(code) + "\t" + shown);
        db_.set_metadata(kCountKey, std::to_string(code + 1));
    }
    known_.emplace(name, code);
    return code;
}

std::string FacetCodeWriter::value_of(const Response& r) {
    std::string out(1, kFacetsFormat);
    auto add = [&](char kind, const std::string& key, const std::string& shown) {
        if (!key.empty()) append_code(out, code_of(kind, key, shown));
    };
    for (const Tag& t : r.themes) add(schema::kThemeFacet, t.id, t.id);
    for (const Tag& g : r.groups) add(schema::kGroupFacet, g.id, g.id);
    add(schema::kEventFacet, slug(r.event), r.event);
    add(schema::kChannelFacet, slug(r.channel), r.channel);
    add(schema::kPolarityFacet, r.polarity, r.polarity);
    return out;
}

std::vector<FacetKey> facet_keys(const Xapian::Database& db) {
    std::vector<FacetKey> keys;
    if (db.size() != 1) return keys;
    for (auto it = db.metadata_keys_begin(kKeyPrefix); it != db.metadata_keys_end(kKeyPrefix); ++it) {
        const std::string name = (*it).substr(std::string(kKeyPrefix).size());
        const std::string stored = db.get_metadata(*it);
        const std::size_t tab = stored.find('\t');
        if (name.empty() || tab == std::string::npos) continue;
        const std::size_t code = std::stoul(stored.substr(0, tab));
        if (code >= keys.size()) keys.resize(code + 1);
        keys[code] = FacetKey{name[0], stored.substr(tab + 1)};
    }
    return keys;
}

}  // namespace yousaid
