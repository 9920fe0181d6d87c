#include "ingest/response.h"

#include <nlohmann/json.hpp>

#include "ingest/content_hash.h"

namespace yousaid {

using nlohmann::json;

namespace {

json tags_to_json(const std::vector<Tag>& tags) {
    json out = json::array();
    for (const Tag& tag : tags) {
        out.push_back({{"id", tag.id}, {"source", tag.source}, {"confidence", tag.confidence}});
    }
    return out;
}

std::vector<Tag> tags_from_json(const json& in) {
    std::vector<Tag> tags;
    for (const json& item : in) {
        tags.push_back({item.at("id").get<std::string>(), item.at("source").get<std::string>(),
                        item.at("confidence").get<double>()});
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
                {"original", r.original_text},
                {"themes", tags_to_json(r.themes)},
                {"groups", tags_to_json(r.groups)},
                {"source", {{"file", r.source.file}, {"line", r.source.line}}},
                {"campaign", r.campaign},
                {"respondent", r.respondent},
                {"removed_themes", r.removed_themes},
                {"removed_groups", r.removed_groups}};
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
        r.original_text = in.at("original").get<std::string>();
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

}  // namespace yousaid
