#include "analysis/batch_ingest.h"

#include <chrono>
#include <ctime>

#include "analysis/batch_writer.h"
#include "ingest/content_hash.h"
#include "ingest/text_file.h"

namespace yousaid {

namespace {

constexpr std::size_t kProgressEvery = 1000;

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

}  // namespace

BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options) {
    std::string bytes = read_file_bytes(path);
    InputRead input = read_input(path, bytes, options.input);

    BatchResult result;
    BatchRecord& record = result.record;
    record.file = path;
    record.content_hash = sha1_hex(bytes);
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

    BatchWriter writer(db, record);
    ResponseNormaliser normaliser(options.defaults, record.id);
    const std::size_t total = input.read.responses.size();
    for (std::size_t i = 0; i < total; ++i) {
        writer.put(normaliser.normalise(input.read.responses[i]));
        if (options.progress && (i + 1) % kProgressEvery == 0) options.progress(i + 1, total);
    }
    for (const RejectedRecord& rejected : result.rejected) writer.reject(rejected);
    writer.record().redactions = normaliser.redactions();

    if (options.codebook && !writer.written().empty()) {
        result.tagging = tag_responses(db, *options.codebook, writer.written());
    }
    writer.commit();
    if (options.progress) options.progress(total, total);
    record = writer.record();
    return result;
}

}  // namespace yousaid
