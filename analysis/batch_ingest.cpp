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
constexpr std::size_t kReadPart = 2000;  // records read and normalised together

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

}  // namespace

BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options) {
    BatchResult result;
    BatchRecord& record = result.record;
    record.file = path;
    // A large file is held about once at a time: its bytes go once decoded,
    // and its records are read a part at a time, each let go once normalised.
    InputStream input = [&] {
        std::string bytes = read_file_bytes(path);
        record.content_hash = sha1_hex(bytes);
        return open_input(path, std::move(bytes), options.input);
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
    if (options.strict) {
        // Nothing is written before every record is known to be good.
        ReadResult whole;
        while (input.responses->read(kReadPart, whole)) {
        }
        if (!whole.rejected.empty()) {
            result.refused.push_back(whole.rejected.front().diagnostic);
            record.read = static_cast<int>(whole.responses.size() + whole.rejected.size());
            record.rejected = static_cast<int>(whole.rejected.size());
            result.rejected = std::move(whole.rejected);
            return result;
        }
        input.responses = stream_of(std::move(whole));
    }

    std::optional<IncomingTagger> tagger;
    if (options.codebook) tagger.emplace(db, *options.codebook, input.attributes);
    BatchWriter writer(db, record, tagger ? &*tagger : nullptr, options.in_transaction);
    ResponseNormaliser normaliser(options.defaults, record.id);
    ResponseStream& stream = *input.responses;
    const std::size_t total = stream.records_total();
    // Each part of the file is read and normalised on another thread while
    // this one hands the part before it to the writer.
    struct Part {
        std::vector<Response> responses;
        std::vector<RejectedRecord> rejected;
        RedactionCounts redactions;
        std::size_t records_read = 0;  // by the end of this part
        bool last = false;
    };
    auto read_next = [&normaliser, &stream] {
        return std::async(std::launch::async, [&normaliser, &stream] {
            Part part;
            ReadResult read;
            part.last = !stream.read(kReadPart, read);
            part.records_read = stream.records_read();
            part.rejected = std::move(read.rejected);
            for (const RawResponse& raw : read.responses) {
                part.responses.push_back(normaliser.normalise_fields(raw, part.redactions));
            }
            return part;
        });
    };
    std::size_t shown = 0;
    for (std::future<Part> next = read_next();;) {
        Part part = next.get();
        if (part.last) break;
        next = read_next();
        normaliser.add_redactions(part.redactions);
        for (RejectedRecord& rejected : part.rejected) result.rejected.push_back(std::move(rejected));
        for (Response& response : part.responses) {
            normaliser.give_id(response);
            writer.put(std::move(response));
        }
        if (options.progress && part.records_read / kProgressEvery > shown / kProgressEvery) {
            options.progress(part.records_read, total);
            shown = part.records_read;
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
