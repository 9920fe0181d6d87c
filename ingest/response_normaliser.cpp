#include "ingest/response_normaliser.h"

#include <filesystem>

#include "ingest/content_hash.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {
std::string clean(const std::string& value) { return trim(to_nfc(value)); }
std::string clean_or(const std::string& value, const std::string& fallback) {
    std::string cleaned = clean(value);
    return cleaned.empty() ? clean(fallback) : cleaned;
}
}  // namespace

ResponseNormaliser::ResponseNormaliser(ResponseDefaults defaults, std::string batch_id)
    : defaults_(std::move(defaults)), batch_id_(std::move(batch_id)) {}

Response ResponseNormaliser::normalise(const RawResponse& raw) {
    Response r = normalise_fields(raw, redactions_);
    give_id(r);
    return r;
}

Response ResponseNormaliser::normalise_fields(const RawResponse& raw, RedactionCounts& counts) const {
    Response r;
    r.batch = batch_id_;
    r.event = clean_or(raw.event, defaults_.event);
    r.channel = clean_or(raw.channel, defaults_.channel);
    r.date = raw.date.empty() ? defaults_.date : raw.date;
    r.question = clean_or(raw.question, defaults_.question);
    for (const auto& [name, value] : raw.attributes) {
        std::string cleaned = clean(value);
        if (!cleaned.empty()) r.attributes[name] = cleaned;
    }
    // Line ends inside a response are kept as "\n" whatever the file used.
    std::string text = clean(raw.text);
    std::string unix_text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            unix_text += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            unix_text += text[i];
        }
    }
    r.original_text = unix_text;
    Redaction redaction = redact(r.original_text);
    r.redacted_text = redaction.text;
    counts += redaction.counts;
    r.source = raw.where;

    std::string file_id = clean(raw.source_id);
    // Ids repeat across surveys ("1", "R17"): scope them by event, else by file name.
    std::string scope = slug(r.event);
    if (scope.empty()) scope = slug(std::filesystem::path(raw.where.file).stem().string());
    auto scoped = [&](const std::string& id) { return scope.empty() ? id : scope + "-" + id; };
    if (!file_id.empty()) r.id = scoped(file_id);  // else give_id numbers its content
    if (!raw.respondent_id.empty()) r.respondent = scoped(clean(raw.respondent_id));
    return r;
}

void ResponseNormaliser::give_id(Response& r) {
    if (r.id.empty()) {
        std::string hash = r.content_hash().substr(0, 16);
        int occurrence = ++seen_content_[hash];
        r.id = occurrence == 1 ? hash : hash + "-" + std::to_string(occurrence);
    }
    if (r.respondent.empty()) r.respondent = r.id;
}

}  // namespace yousaid
