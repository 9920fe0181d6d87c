#include "analysis/model_tags.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <set>

#include "analysis/schema.h"

namespace yousaid {

namespace {

bool from_model(const Tag& t) { return t.source == schema::kModelSource; }

std::string model_themes_value(const std::vector<Tag>& themes) {
    std::string out;
    for (const Tag& t : themes) {
        if (!from_model(t)) continue;
        if (!out.empty()) out += schema::kListSeparator;
        char confidence[32];  // the shortest text that reads back as the same double
        const auto written = std::to_chars(confidence, confidence + sizeof confidence, t.confidence);
        out += t.id + ' ' + std::string(confidence, written.ptr);
    }
    return out;
}

std::vector<Tag> model_themes_of(const std::string& value) {
    std::vector<Tag> out;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find(schema::kListSeparator, start);
        if (end == std::string::npos) end = value.size();
        const std::size_t space = value.find(' ', start);
        if (space < end) {
            double confidence = 0;
            std::from_chars(value.data() + space + 1, value.data() + end, confidence);
            out.push_back({value.substr(start, space - start), schema::kModelSource, confidence});
        }
        start = end + 1;
    }
    return out;
}

// Where a theme's slot is sought first: the same for a theme id in every
// store, so stores searched together agree on it unless two ids collide.
Xapian::valueno home_slot(const std::string& theme_id) {
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (unsigned char c : theme_id) hash = (hash ^ c) * 16777619u;
    return schema::kFirstModelThemeSlot + hash % (1u << 20);
}

}  // namespace

ModelThemeSlots::ModelThemeSlots(Xapian::WritableDatabase& db, std::mutex* db_lock) : db_(db), db_lock_(db_lock) {}

Xapian::valueno ModelThemeSlots::slot_for(const std::string& theme_id) {
    if (auto at = known_.find(theme_id); at != known_.end()) return at->second;
    std::unique_lock<std::mutex> lock;
    if (db_lock_) lock = std::unique_lock<std::mutex>(*db_lock_);
    const std::string key = schema::kModelThemeSlotKeyPrefix + theme_id;
    Xapian::valueno slot;
    if (const std::string stored = db_.get_metadata(key); !stored.empty()) {
        slot = static_cast<Xapian::valueno>(std::stoul(stored));
    } else {
        std::set<Xapian::valueno> taken;
        for (const auto& [id, other] : model_theme_slots(db_)) taken.insert(other);
        slot = home_slot(theme_id);
        while (taken.count(slot)) ++slot;
        db_.set_metadata(key, std::to_string(slot));
    }
    known_.emplace(theme_id, slot);
    return slot;
}

std::map<std::string, Xapian::valueno> model_theme_slots(const Xapian::Database& db) {
    const std::string prefix = schema::kModelThemeSlotKeyPrefix;
    std::map<std::string, Xapian::valueno> out;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string stored = db.get_metadata(*it);
        if (!stored.empty()) out[(*it).substr(prefix.size())] = static_cast<Xapian::valueno>(std::stoul(stored));
    }
    return out;
}

std::vector<Xapian::valueno> response_value_slots(const Xapian::Database& db) {
    std::vector<Xapian::valueno> slots;
    for (Xapian::valueno slot = 0; slot <= schema::kPolarityConfidenceSlot; ++slot) slots.push_back(slot);
    for (const auto& [id, slot] : model_theme_slots(db)) slots.push_back(slot);
    std::sort(slots.begin(), slots.end());
    return slots;
}

Response stored_response(const Xapian::Document& doc) {
    return with_model_tags(response_from_json(doc.get_data()), ModelTagValues::of(doc));
}

ModelTagValues ModelTagValues::of(const Xapian::Document& doc) {
    return {doc.get_value(schema::kModelThemesSlot), doc.get_value(schema::kPolaritySlot),
            doc.get_value(schema::kPolarityConfidenceSlot)};
}

ModelTagValues ModelTagValues::of(const SlotValues& values) {
    ModelTagValues out;
    for (const auto& [slot, value] : values) {
        if (slot == schema::kModelThemesSlot) out.themes = value;
        if (slot == schema::kPolaritySlot) out.polarity = value;
        if (slot == schema::kPolarityConfidenceSlot) out.polarity_confidence = value;
    }
    return out;
}

Response with_model_tags(Response record, const ModelTagValues& values) {
    if (record_holds_model_tags(record)) return record;  // written before model tags moved to slots
    for (Tag& t : model_themes_of(values.themes)) record.themes.push_back(std::move(t));
    record.polarity = values.polarity;
    if (!record.polarity.empty()) record.polarity_confidence = Xapian::sortable_unserialise(values.polarity_confidence);
    return record;
}

namespace {

// Takes off what models said (kept in slots, not the record): a Response or its RecordTags.
template <typename Record>
Record without_model_tags(Record record) {
    std::erase_if(record.themes, from_model);
    record.polarity.clear();
    record.polarity_confidence = 0;
    return record;
}

template <typename Record>
bool holds_model_tags(const Record& record) {
    return !record.polarity.empty() || std::any_of(record.themes.begin(), record.themes.end(), from_model);
}

}  // namespace

Response record_of(const Response& r) { return without_model_tags(r); }

RecordTags RecordTags::of(const Response& r) {
    return {r.themes, r.groups, r.removed_themes, r.removed_groups, r.polarity, r.polarity_confidence};
}

RecordTags record_tags_of(const Response& r) { return without_model_tags(RecordTags::of(r)); }

bool record_holds_model_tags(const Response& record) { return holds_model_tags(record); }
bool record_holds_model_tags(const RecordTags& record) { return holds_model_tags(record); }

void write_model_tags(Xapian::Document& doc, const Response& before, const Response& after, ModelThemeSlots& slots) {
    std::map<std::string, double> had, has;
    for (const Tag& t : before.themes) {
        if (from_model(t)) had[t.id] = t.confidence;
    }
    for (const Tag& t : after.themes) {
        if (from_model(t)) has[t.id] = t.confidence;
    }
    // add_value of "" clears a slot (remove_value throws when it holds nothing).
    for (const auto& [id, confidence] : had) {
        if (!has.count(id)) doc.add_value(slots.slot_for(id), "");
    }
    for (const auto& [id, confidence] : has) {
        auto was = had.find(id);
        if (was == had.end() || was->second != confidence) {
            doc.add_value(slots.slot_for(id), Xapian::sortable_serialise(confidence));
        }
    }
    if (had != has) doc.add_value(schema::kModelThemesSlot, model_themes_value(after.themes));
    if (before.polarity != after.polarity || before.polarity_confidence != after.polarity_confidence) {
        doc.add_value(schema::kPolaritySlot, after.polarity);
        doc.add_value(schema::kPolarityConfidenceSlot,
                      after.polarity.empty() ? "" : Xapian::sortable_serialise(after.polarity_confidence));
    }
}

Xapian::Query theme_query(const std::map<std::string, Xapian::valueno>& model_slots, const std::string& theme_id) {
    Xapian::Query term(schema::kThemePrefix + theme_id);
    const auto slot = model_slots.find(theme_id);
    if (slot == model_slots.end()) return term;
    // Every confidence serialises at or above 0's, so this is "has a value".
    Xapian::Query model(Xapian::Query::OP_VALUE_GE, slot->second, Xapian::sortable_serialise(0));
    return Xapian::Query(Xapian::Query::OP_OR, term, model);
}

Xapian::Query theme_query(const Xapian::Database& db, const std::string& theme_id) {
    std::map<std::string, Xapian::valueno> slot;
    if (const std::string stored = db.get_metadata(schema::kModelThemeSlotKeyPrefix + theme_id); !stored.empty()) {
        slot[theme_id] = static_cast<Xapian::valueno>(std::stoul(stored));
    }
    return theme_query(slot, theme_id);
}

Xapian::Query polarity_query(const std::string& polarity) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPolaritySlot, polarity, polarity);
}

std::vector<bool> model_tagged_documents(const Xapian::Database& db) {
    std::vector<bool> out(db.get_lastdocid() + 1, false);
    const std::string legacy = std::string(schema::kTagSourcePrefix) + schema::kModelSource;
    for (auto it = db.postlist_begin(legacy); it != db.postlist_end(legacy); ++it) out[*it] = true;
    const Xapian::valueno slot = schema::kModelThemesSlot;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) out[it.get_docid()] = true;
    return out;
}

Xapian::doccount model_tagged_count(const Xapian::Database& db) {
    // A response is in one form or the other, never both.
    return db.get_termfreq(std::string(schema::kTagSourcePrefix) + schema::kModelSource) +
           db.get_value_freq(schema::kModelThemesSlot);
}

}  // namespace yousaid
