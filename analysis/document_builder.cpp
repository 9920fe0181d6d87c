#include "analysis/document_builder.h"

#include <algorithm>
#include <set>

#include "analysis/campaigns.h"
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

// The sources other than rules that gave the response a theme: "manual", "model".
std::set<std::string> theme_sources(const Response& r) {
    std::set<std::string> out;
    for (const Tag& t : r.themes) {
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

void add_polarity(Xapian::Document& doc, const std::string& polarity) {
    if (polarity.empty()) return;
    doc.add_boolean_term(schema::kPolarityPrefix + polarity);
    doc.add_value(schema::kPolaritySlot, polarity);
}

}  // namespace

void DocumentBuilder::retag(Xapian::Document& doc, const Response& before, const Response& after) {
    swap_terms(doc, schema::kThemePrefix, before.themes, after.themes);
    swap_terms(doc, schema::kGroupPrefix, before.groups, after.groups);
    const std::set<std::string> had = theme_sources(before), has = theme_sources(after);
    for (const std::string& source : had) {
        if (!has.count(source)) doc.remove_term(schema::kTagSourcePrefix + source);
    }
    for (const std::string& source : has) doc.add_boolean_term(schema::kTagSourcePrefix + source);
    if (before.polarity != after.polarity) {
        if (!before.polarity.empty()) {
            doc.remove_term(schema::kPolarityPrefix + before.polarity);
            doc.remove_value(schema::kPolaritySlot);  // throws when absent, so only when there
        }
        add_polarity(doc, after.polarity);
    }
    doc.add_value(schema::kThemesSlot, join_ids(after.themes));
    doc.add_value(schema::kGroupsSlot, join_ids(after.groups));
    doc.add_value(schema::kFacetsSlot, facets_.value_of(after));
    doc.set_data(to_json(after));
}

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase& db, std::mutex* db_lock) : facets_(db, db_lock) {
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
    if (!r.campaign.empty()) {
        doc.add_boolean_term(schema::kCampaignPrefix + r.campaign);
        doc.add_value(schema::kCampaignSlot, r.campaign);
    }
    doc.add_boolean_term(schema::kBatchPrefix + r.batch);
    add_polarity(doc, r.polarity);
    add_filter(doc, schema::kEventPrefix, r.event);
    add_filter(doc, schema::kChannelPrefix, r.channel);
    add_filter(doc, schema::kQuestionPrefix, r.question);
    for (const Tag& t : r.themes) doc.add_boolean_term(schema::kThemePrefix + t.id);
    for (const std::string& source : theme_sources(r)) doc.add_boolean_term(schema::kTagSourcePrefix + source);
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
    doc.set_data(to_json(r));
    return doc;
}

}  // namespace yousaid
