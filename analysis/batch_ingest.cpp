#include "analysis/batch_ingest.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <ctime>
#include <optional>
#include <set>

#include "analysis/batch_writer.h"
#include "analysis/campaigns.h"
#include "analysis/incoming_tagger.h"
#include "ingest/content_hash.h"
#include "ingest/text_file.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

constexpr std::size_t kProgressEvery = 1000;
constexpr std::size_t kNormaliseChunk = 2000;

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

// A copy of the batch's rejected records beside the database, for people to
// open and fix; the store's metadata keeps them too (yousaid rejects), so a
// failure here loses nothing and does not fail the batch.
void write_rejects_file(const std::string& store_path, const std::string& batch_id, const std::string& csv) {
    if (store_path.empty()) return;
    std::error_code error;
    std::filesystem::path folder = std::filesystem::path(store_path) / "rejects";
    std::filesystem::create_directories(folder, error);
    std::ofstream out(folder / (batch_id + ".csv"), std::ios::binary | std::ios::trunc);
    out << csv;
}

// The attribute names the responses carry with a value, as the store will hold them.
std::vector<std::string> attribute_names(const std::vector<RawResponse>& responses) {
    std::set<std::string> names;
    for (const RawResponse& r : responses) {
        for (const auto& [name, value] : r.attributes)
            if (!names.count(name) && !slug(value).empty()) names.insert(name);
    }
    return {names.begin(), names.end()};
}

}  // namespace

BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options) {
    BatchResult result;
    BatchRecord& record = result.record;
    record.file = path;
    // A large file is held about once at a time: its bytes go once decoded,
    // each record of its table once read, each response once written.
    InputRead input = [&] {
        std::string bytes = read_file_bytes(path);
        record.content_hash = sha1_hex(bytes);
        InputOptions reading = options.input;
        reading.keep_table = false;
        return read_input(path, std::move(bytes), reading);
    }();
    record.id = record.content_hash.substr(0, 12);
    record.ingested_at = utc_now();
    record.format = input.format;
    record.encoding = input.encoding;
    record.sheet = input.sheet;
    if (!input.errors.empty()) {
        result.refused = input.errors;
        return result;
    }
    result.rejected = std::move(input.read.rejected);
    if (options.strict && !result.rejected.empty()) {
        result.refused.push_back(result.rejected.front().diagnostic);
        record.read = static_cast<int>(input.read.responses.size() + result.rejected.size());
        record.rejected = static_cast<int>(result.rejected.size());
        return result;
    }

    std::optional<IncomingTagger> tagger;
    if (options.codebook) tagger.emplace(db, *options.codebook, attribute_names(input.read.responses));
    BatchWriter writer(db, record, tagger ? &*tagger : nullptr, options.in_transaction);
    ResponseNormaliser normaliser(options.defaults, record.id);
    std::vector<RawResponse>& raw = input.read.responses;
    const std::size_t total = raw.size();
    // Each chunk of responses is normalised on another thread while this one
    // hands the chunk before it to the writer; each raw response goes once normalised.
    struct Normalised {
        std::vector<Response> responses;
        RedactionCounts redactions;
    };
    auto normalise_from = [&](std::size_t begin) {
        return std::async(std::launch::async, [&normaliser, &raw, begin, total] {
            Normalised out;
            for (std::size_t i = begin; i < std::min(total, begin + kNormaliseChunk); ++i) {
                out.responses.push_back(normaliser.normalise_fields(raw[i], out.redactions));
                raw[i] = RawResponse();
            }
            return out;
        });
    };
    std::future<Normalised> next = normalise_from(0);
    for (std::size_t begin = 0; begin < total; begin += kNormaliseChunk) {
        Normalised chunk = next.get();
        if (begin + kNormaliseChunk < total) next = normalise_from(begin + kNormaliseChunk);
        normaliser.add_redactions(chunk.redactions);
        for (std::size_t i = 0; i < chunk.responses.size(); ++i) {
            normaliser.give_id(chunk.responses[i]);
            writer.put(std::move(chunk.responses[i]));
            const std::size_t done = begin + i + 1;
            if (options.progress && done % kProgressEvery == 0) options.progress(done, total);
        }
    }
    for (const RejectedRecord& rejected : result.rejected) writer.reject(rejected);
    writer.record().redactions = normaliser.redactions();
    if (tagger) {
        writer.flush();
        tagger->finish();
        result.tagging = tagger->summary();
    }
    result.campaigns = link_campaigns(db, writer.written());
    writer.commit();
    if (!result.rejected.empty()) write_rejects_file(options.store_path, record.id, writer.rejects_csv());
    if (options.progress) options.progress(total, total);
    record = writer.record();
    return result;
}

}  // namespace yousaid
