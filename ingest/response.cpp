#include "ingest/response.h"

#include <algorithm>

#include <nlohmann/json.hpp>

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

std::vector<Tag> tags_from_json(const json& in) {
    std::vector<Tag> tags;
    for (const json& item : in) {
        tags.push_back({item.at("id").get<std::string>(), item.value("source", std::string("rule")),
                        item.value("confidence", 1.0)});
    }
    return tags;
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

Response response_from_json(const std::string& text) {
    try {
        json in = json::parse(text);
        Response r;
        r.id = in.at("id").get<std::string>();
        r.batch = in.at("batch").get<std::string>();
        r.event = in.at("event").get<std::string>();
        r.channel = in.at("channel").get<std::string>();
        r.date = in.at("date").get<std::string>();
        r.question = in.at("question").get<std::string>();
        r.attributes = in.at("attributes").get<std::map<std::string, std::string>>();
        r.redacted_text = in.at("text").get<std::string>();
        r.original_text = in.value("original", r.redacted_text);  // absent when redaction changed nothing
        r.themes = tags_from_json(in.at("themes"));
        r.groups = tags_from_json(in.at("groups"));
        r.source.file = in.at("source").at("file").get<std::string>();
        r.source.line = in.at("source").at("line").get<int>();
        r.campaign = in.value("campaign", "");  // absent in records written before campaigns
        r.respondent = in.value("respondent", r.id);
        r.removed_themes = in.value("removed_themes", std::vector<std::string>());
        r.removed_groups = in.value("removed_groups", std::vector<std::string>());
        // Absent when not known, and in records written before polarity.
        r.polarity = in.value("polarity", "");
        r.polarity_confidence = in.value("polarity_confidence", 0.0);
        return r;
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("not a response record: ") + e.what());
    }
}

void order_by_source(std::vector<Tag>& tags) {
    auto rank = [](const Tag& t) { return t.source == "manual" ? 0 : t.source == "rule" ? 1 : t.source == "model" ? 2 : 3; };
    std::stable_sort(tags.begin(), tags.end(), [&](const Tag& a, const Tag& b) { return rank(a) < rank(b); });
}

}  // namespace yousaid
