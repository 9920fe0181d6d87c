#include "analysis/document_builder.h"

#include <algorithm>
#include <set>

#include "analysis/campaigns.h"
#include "analysis/model_tags.h"
#include "analysis/schema.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

std::string join_ids(const std::vector<Tag>& tags) {
    std::string out;
    for (const Tag& tag : tags) {
        if (!out.empty()) out += schema::kListSeparator;
        out += tag.id;
    }
    return out;
}

void add_filter(Xapian::Document& doc, const char* prefix, const std::string& name) {
    std::string value = slug(name);
    if (!value.empty()) doc.add_boolean_term(prefix + value);
}

// The sources other than rules that gave the response a theme: "manual" (and
// "model" in records written before model tags moved to slots).
std::set<std::string> theme_sources(const std::vector<Tag>& themes) {
    std::set<std::string> out;
    for (const Tag& t : themes) {
        if (t.source != "rule") out.insert(t.source);
    }
    return out;
}

// Removes the terms of ids in `before` but not in `after`, adds the reverse.
void swap_terms(Xapian::Document& doc, const char* prefix, const std::vector<Tag>& before,
                const std::vector<Tag>& after) {
    auto holds = [](const std::vector<Tag>& tags, const std::string& id) {
        return std::any_of(tags.begin(), tags.end(), [&](const Tag& t) { return t.id == id; });
    };
    for (const Tag& t : before) {
        if (!holds(after, t.id)) doc.remove_term(prefix + t.id);
    }
    for (const Tag& t : after) {
        if (!holds(before, t.id)) doc.add_boolean_term(prefix + t.id);
    }
}

}  // namespace

void DocumentBuilder::retag(Xapian::Document& doc, const Response& before, const Response& after,
                            const Response* stored_record) {
    // The terms and the data follow the record; what models said is in slots.
    // Only the tags of the records are copied: retag runs once per response
    // changed, on the one thread that writes.
    const RecordTags old_record = stored_record ? RecordTags::of(*stored_record) : record_tags_of(before);
    const RecordTags record = record_tags_of(after);
    swap_terms(doc, schema::kThemePrefix, old_record.themes, record.themes);
    swap_terms(doc, schema::kGroupPrefix, old_record.groups, record.groups);
    const std::set<std::string> had = theme_sources(old_record.themes), has = theme_sources(record.themes);
    for (const std::string& source : had) {
        if (!has.count(source)) doc.remove_term(schema::kTagSourcePrefix + source);
    }
    for (const std::string& source : has) {
        if (!had.count(source)) doc.add_boolean_term(schema::kTagSourcePrefix + source);
    }
    if (!old_record.polarity.empty()) doc.remove_term(schema::kPolarityPrefix + old_record.polarity);
    if (record_holds_model_tags(old_record)) {
        // Written before model tags moved to slots: of theirs it has only the polarity's.
        doc.add_value(schema::kPolaritySlot, "");
        write_model_tags(doc, Response(), after, model_slots_);
    } else {
        write_model_tags(doc, before, after, model_slots_);
    }
    if (std::string themes = join_ids(after.themes); themes != join_ids(before.themes)) {
        doc.add_value(schema::kThemesSlot, themes);
    }
    if (std::string groups = join_ids(after.groups); groups != join_ids(before.groups)) {
        doc.add_value(schema::kGroupsSlot, groups);
    }
    doc.add_value(schema::kFacetsSlot, facets_.value_of(after));
    if (old_record != record) doc.set_data(to_json(record_of(after)));  // the records differ in tags alone
}

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase& db, std::mutex* db_lock)
    : facets_(db, db_lock), model_slots_(db, db_lock) {
    term_generator_.set_stemmer(stemmer());
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Stem DocumentBuilder::stemmer() { return Xapian::Stem("english"); }

std::string id_term(const std::string& response_id) { return schema::kIdPrefix + response_id; }

Xapian::Document DocumentBuilder::build(const Response& r) {
    Xapian::Document doc;
    term_generator_.set_document(doc);
    term_generator_.index_text(r.redacted_text);

    doc.add_boolean_term(id_term(r.id));
    if (!r.campaign.empty()) doc.add_value(schema::kCampaignSlot, r.campaign);
    doc.add_boolean_term(schema::kBatchPrefix + r.batch);
    add_filter(doc, schema::kEventPrefix, r.event);
    add_filter(doc, schema::kChannelPrefix, r.channel);
    add_filter(doc, schema::kQuestionPrefix, r.question);
    const Response record = record_of(r);
    for (const Tag& t : record.themes) doc.add_boolean_term(schema::kThemePrefix + t.id);
    for (const std::string& source : theme_sources(record.themes)) {
        doc.add_boolean_term(schema::kTagSourcePrefix + source);
    }
    write_model_tags(doc, Response(), r, model_slots_);
    for (const Tag& g : r.groups) doc.add_boolean_term(schema::kGroupPrefix + g.id);
    for (const auto& [name, value] : r.attributes) {
        std::string value_slug = slug(value);
        if (!value_slug.empty()) doc.add_boolean_term(schema::kAttributePrefix + name + ":" + value_slug);
    }
    if (r.date.size() == 10) {
        std::string day = r.date.substr(0, 4) + r.date.substr(5, 2) + r.date.substr(8, 2);
        doc.add_boolean_term(schema::kDayPrefix + day);
        doc.add_boolean_term(schema::kMonthPrefix + day.substr(0, 6));
        doc.add_boolean_term(schema::kYearPrefix + day.substr(0, 4));
        doc.add_value(schema::kDateSlot, day);
    }

    doc.add_value(schema::kEventSlot, r.event);
    doc.add_value(schema::kChannelSlot, r.channel);
    doc.add_value(schema::kQuestionSlot, r.question);
    doc.add_value(schema::kContentHashSlot, r.content_hash());
    doc.add_value(schema::kThemesSlot, join_ids(r.themes));
    doc.add_value(schema::kGroupsSlot, join_ids(r.groups));
    doc.add_value(schema::kBatchSlot, r.batch);
    doc.add_value(schema::kRespondentSlot, r.respondent.empty() ? r.id : r.respondent);
    doc.add_value(schema::kFacetsSlot, facets_.value_of(r));
    std::string signature = near_duplicate_signature(r.redacted_text);
    if (!signature.empty()) doc.add_value(schema::kNearDuplicateSlot, signature);
    doc.set_data(to_json(record));
    return doc;
}

}  // namespace yousaid
