#include "ingest/column_roles.h"

#include <set>

namespace yousaid {

namespace {

struct Synonym {
    const char* normalised;  // lower case, no spaces, hyphens or underscores
    ColumnRole role;
};

// The README table, in its order (the text names are listed in messages).
const Synonym kSynonyms[] = {
    {"id", ColumnRole::id},           {"responseid", ColumnRole::id},
    {"respondentid", ColumnRole::id}, {"ref", ColumnRole::id},
    {"text", ColumnRole::text},       {"response", ColumnRole::text},
    {"comment", ColumnRole::text},    {"comments", ColumnRole::text},
    {"feedback", ColumnRole::text},   {"answer", ColumnRole::text},
    {"event", ColumnRole::event},     {"channel", ColumnRole::channel},
    {"method", ColumnRole::channel},  {"date", ColumnRole::date},
    {"responsedate", ColumnRole::date}, {"submitted", ColumnRole::date},
    {"question", ColumnRole::question}, {"topic", ColumnRole::question},
    // Survey tools' own names (SurveyMonkey, Smart Survey, Microsoft Forms, Citizen Space).
    {"userid", ColumnRole::id},       {"responsenumber", ColumnRole::id},
    {"submissionid", ColumnRole::id}, {"uniqueresponsenumber", ColumnRole::id},
    {"startdate", ColumnRole::date},  {"started", ColumnRole::date},
    {"starttime", ColumnRole::date},  {"datesubmitted", ColumnRole::date},
    {"completiontime", ColumnRole::date}, {"enddate", ColumnRole::date},
    {"timestamp", ColumnRole::date},  {"submissiondate", ColumnRole::date},
    {"submittedon", ColumnRole::date}, {"responsesubmitted", ColumnRole::date},
    {"email", ColumnRole::personal},  {"emailaddress", ColumnRole::personal},
    {"name", ColumnRole::personal},   {"fullname", ColumnRole::personal},
    {"firstname", ColumnRole::personal}, {"lastname", ColumnRole::personal},
    {"surname", ColumnRole::personal}, {"ipaddress", ColumnRole::personal},
    {"phone", ColumnRole::personal},  {"phonenumber", ColumnRole::personal},
    {"telephone", ColumnRole::personal}, {"address", ColumnRole::personal},
    {"streetaddress", ColumnRole::personal},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string normalise(const std::string& name) {
    std::string out;
    for (char c : name)
        if (c != ' ' && c != '-' && c != '_' && c != '\t') out += lower(c);
    return out;
}

ColumnRole role_of(const std::string& name) {
    const std::string key = normalise(name);
    for (const Synonym& s : kSynonyms)
        if (key == s.normalised) return s.role;
    return ColumnRole::attribute;
}

}  // namespace

std::string snake_case(const std::string& name) {
    std::string out;
    bool gap = false;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                          (c >= 'A' && c <= 'Z');
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += '_';
        gap = false;
        out += lower(c);
    }
    return out;
}

std::string text_column_names() {
    std::string out;
    for (const Synonym& s : kSynonyms)
        if (s.role == ColumnRole::text) out += (out.empty() ? "" : ", ") + std::string(s.normalised);
    return out;
}

std::vector<Column> assign_column_roles(const std::vector<std::string>& header) {
    std::vector<Column> columns;
    std::set<std::string> names;
    std::set<ColumnRole> taken;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string base = snake_case(header[i]);
        if (base.empty()) base = "column_" + std::to_string(i + 1);
        std::string name = base;
        for (int n = 2; names.count(name); ++n) name = base + "_" + std::to_string(n);
        names.insert(name);
        ColumnRole role = role_of(header[i]);
        if (role != ColumnRole::attribute && role != ColumnRole::personal && !taken.insert(role).second) {
            role = ColumnRole::attribute;
        }
        columns.push_back({role, name});
    }
    return columns;
}

}  // namespace yousaid
