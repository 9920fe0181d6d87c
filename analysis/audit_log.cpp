#include "analysis/audit_log.h"

#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "analysis/schema.h"

namespace yousaid {

using nlohmann::json;

namespace {

constexpr int kSequenceDigits = 10;

json tags_to_json(const std::vector<Tag>& tags) {
    json out = json::array();
    for (const Tag& t : tags) out.push_back({{"id", t.id}, {"source", t.source}, {"confidence", t.confidence}});
    return out;
}

std::vector<Tag> tags_from_json(const json& in) {
    std::vector<Tag> tags;
    for (const json& t : in) tags.push_back({t.at("id"), t.at("source"), t.at("confidence")});
    return tags;
}

json state_to_json(const CodeState& s) {
    return {{"themes", tags_to_json(s.themes)},
            {"groups", tags_to_json(s.groups)},
            {"removed_themes", s.removed_themes},
            {"removed_groups", s.removed_groups}};
}

CodeState state_from_json(const json& in) {
    return {tags_from_json(in.at("themes")), tags_from_json(in.at("groups")),
            in.at("removed_themes").get<std::vector<std::string>>(),
            in.at("removed_groups").get<std::vector<std::string>>()};
}

long last_sequence(const Xapian::Database& db) {
    std::string prefix = schema::kAuditKeyPrefix;
    std::string last;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) last = *key;
    return last.empty() ? 0 : std::stol(last.substr(prefix.size()));
}

}  // namespace

CodeState code_state(const Response& r) { return {r.themes, r.groups, r.removed_themes, r.removed_groups}; }

std::string to_json(const AuditEntry& e) {
    json out = {{"sequence", e.sequence},
                {"time", e.time},
                {"user", e.user},
                {"response", e.response},
                {"before", state_to_json(e.before)},
                {"after", state_to_json(e.after)},
                {"note", e.note}};
    return out.dump();
}

AuditEntry audit_entry_from_json(const std::string& text) {
    try {
        json in = json::parse(text);
        return {in.at("sequence"),        in.at("time"),
                in.at("user"),            in.at("response"),
                state_from_json(in.at("before")), state_from_json(in.at("after")),
                in.at("note")};
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("not an audit entry: ") + e.what());
    }
}

std::string audit_key(long sequence) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*ld", kSequenceDigits, sequence);
    return schema::kAuditKeyPrefix + std::string(digits);
}

std::string utc_timestamp_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

void append_audit_entries(Xapian::WritableDatabase& db, std::vector<AuditEntry>& entries) {
    long sequence = last_sequence(db);
    for (AuditEntry& entry : entries) {
        entry.sequence = ++sequence;
        db.set_metadata(audit_key(entry.sequence), to_json(entry));
    }
}

std::vector<AuditEntry> list_audit_entries(const Xapian::Database& db, const std::optional<std::string>& response) {
    std::vector<AuditEntry> out;
    std::string prefix = schema::kAuditKeyPrefix;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        AuditEntry entry = audit_entry_from_json(db.get_metadata(*key));
        if (!response || entry.response == *response) out.push_back(std::move(entry));
    }
    return out;
}

std::string describe_tags(const std::vector<Tag>& tags) {
    if (tags.empty()) return "(none)";
    std::string out;
    for (const Tag& t : tags) {
        if (!out.empty()) out += ", ";
        out += t.id + " (" + t.source;
        if (t.confidence < 1.0) {
            char confidence[16];
            std::snprintf(confidence, sizeof confidence, " %.2g", t.confidence);
            out += confidence;
        }
        out += ")";
    }
    return out;
}

}  // namespace yousaid
