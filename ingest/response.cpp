#include "ingest/response.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "ingest/content_hash.h"

namespace yousaid {

using nlohmann::json;

namespace {

// The stored record leaves out what most tags share, a rule's tag at full
// confidence: a record is read back often and compressed on every write.
json tags_to_json(const std::vector<Tag>& tags) {
    json out = json::array();
    for (const Tag& tag : tags) {
        json item = {{"id", tag.id}};
        if (tag.source != "rule") item["source"] = tag.source;
        if (tag.confidence != 1.0) item["confidence"] = tag.confidence;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::string Response::content_hash() const {
    json identity = {{"id", id},       {"event", event},           {"channel", channel},
                     {"date", date},   {"question", question},     {"attributes", attributes},
                     {"text", original_text}};
    return sha1_hex(identity.dump());
}

std::string to_json(const Response& r) {
    json out = {{"id", r.id},
                {"batch", r.batch},
                {"event", r.event},
                {"channel", r.channel},
                {"date", r.date},
                {"question", r.question},
                {"attributes", r.attributes},
                {"text", r.redacted_text},
                {"themes", tags_to_json(r.themes)},
                {"groups", tags_to_json(r.groups)},
                {"source", {{"file", r.source.file}, {"line", r.source.line}}}};
    // What most responses leave empty or the same is not written: most hold
    // nothing to redact (their text is kept once), and the reader fills in the rest.
    if (r.original_text != r.redacted_text) out["original"] = r.original_text;
    if (!r.campaign.empty()) out["campaign"] = r.campaign;
    if (!r.respondent.empty() && r.respondent != r.id) out["respondent"] = r.respondent;
    if (!r.removed_themes.empty()) out["removed_themes"] = r.removed_themes;
    if (!r.removed_groups.empty()) out["removed_groups"] = r.removed_groups;
    if (!r.polarity.empty()) {
        out["polarity"] = r.polarity;
        out["polarity_confidence"] = r.polarity_confidence;
    }
    return out.dump();
}

namespace {

// Reading a record is most of what tagging a store does besides the models:
// simdjson reads one in a fraction of the time nlohmann's parser took,
// building no tree of its own on the way.
using simdjson::dom::element;

std::string string_of(element e) { return std::string(std::string_view(e)); }

std::vector<std::string> strings_of(element e) {
    std::vector<std::string> out;
    for (element item : simdjson::dom::array(e)) out.push_back(string_of(item));
    return out;
}

std::vector<Tag> tags_of(element e) {
    std::vector<Tag> tags;
    for (element item : simdjson::dom::array(e)) {
        Tag tag{"", "rule", 1.0};
        bool has_id = false;
        for (auto [key, value] : simdjson::dom::object(item)) {
            if (key == "id") {
                tag.id = string_of(value);
                has_id = true;
            } else if (key == "source") {
                tag.source = string_of(value);
            } else if (key == "confidence") {
                tag.confidence = double(value);
            }
        }
        if (!has_id) throw std::runtime_error("a tag without an id");
        tags.push_back(std::move(tag));
    }
    return tags;
}

// The strings every record has, by key; a field's bit is its place here.
constexpr std::array<std::pair<std::string_view, std::string Response::*>, 7> kRequiredStrings{{
    {"id", &Response::id},
    {"batch", &Response::batch},
    {"event", &Response::event},
    {"channel", &Response::channel},
    {"date", &Response::date},
    {"question", &Response::question},
    {"text", &Response::redacted_text},
}};

// The field of `r` that `key` names among kRequiredStrings, its bit set in
// `seen`; null for any other key.
std::string* required_string(Response& r, std::string_view key, unsigned& seen) {
    for (std::size_t i = 0; i < kRequiredStrings.size(); ++i) {
        if (kRequiredStrings[i].first == key) {
            seen |= 1u << i;
            return &(r.*kRequiredStrings[i].second);
        }
    }
    return nullptr;
}

}  // namespace

Response response_from_json(const std::string& text) {
    // The parser, and a copy of the text with the padding simdjson reads
    // past its end, are kept by each thread from one record to the next.
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;
    padded.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(text);
    try {
        const element record = parser.parse(padded.data(), padded.size(), false);
        Response r;
        // Fields every record has, as bits: the required strings', then
        // attributes, themes, groups and source.
        constexpr unsigned kAttributes = 1u << kRequiredStrings.size(), kThemes = kAttributes << 1,
                           kGroups = kAttributes << 2, kSource = kAttributes << 3, kAll = (kAttributes << 4) - 1;
        unsigned seen = 0;
        bool has_original = false, has_respondent = false;
        for (auto [key, value] : simdjson::dom::object(record)) {
            if (std::string* field = required_string(r, key, seen)) {
                *field = string_of(value);
            } else if (key == "attributes") {
                for (auto [name, attribute] : simdjson::dom::object(value)) {
                    r.attributes[std::string(name)] = string_of(attribute);
                }
                seen |= kAttributes;
            } else if (key == "themes") {
                r.themes = tags_of(value), seen |= kThemes;
            } else if (key == "groups") {
                r.groups = tags_of(value), seen |= kGroups;
            } else if (key == "source") {
                for (auto [name, part] : simdjson::dom::object(value)) {
                    if (name == "file") r.source.file = string_of(part);
                    else if (name == "line") r.source.line = static_cast<int>(std::int64_t(part));
                }
                seen |= kSource;
            } else if (key == "original") {
                r.original_text = string_of(value), has_original = true;
            } else if (key == "campaign") {
                r.campaign = string_of(value);
            } else if (key == "respondent") {
                r.respondent = string_of(value), has_respondent = true;
            } else if (key == "removed_themes") {
                r.removed_themes = strings_of(value);
            } else if (key == "removed_groups") {
                r.removed_groups = strings_of(value);
            } else if (key == "polarity") {
                r.polarity = string_of(value);
            } else if (key == "polarity_confidence") {
                r.polarity_confidence = double(value);
            }
        }
        if (seen != kAll) throw std::runtime_error("a field every record has is missing");
        if (!has_original) r.original_text = r.redacted_text;  // absent when redaction changed nothing
        if (!has_respondent) r.respondent = r.id;
        return r;
    } catch (const simdjson::simdjson_error& e) {
        throw std::runtime_error(std::string("not a response record: ") + e.what());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string("not a response record: ") + e.what());
    }
}

void order_by_source(std::vector<Tag>& tags) {
    auto rank = [](const Tag& t) { return t.source == "manual" ? 0 : t.source == "rule" ? 1 : t.source == "model" ? 2 : 3; };
    std::stable_sort(tags.begin(), tags.end(), [&](const Tag& a, const Tag& b) { return rank(a) < rank(b); });
}

}  // namespace yousaid
