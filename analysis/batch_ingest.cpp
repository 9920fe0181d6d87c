#include "analysis/batch_ingest.h"

#include <chrono>
#include <ctime>

#include "analysis/batch_writer.h"
#include "ingest/content_hash.h"
#include "ingest/csv_reader.h"
#include "ingest/panel_notes_reader.h"
#include "ingest/text_file.h"

namespace yousaid {

namespace {

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string input_format(const std::string& path) { return ends_with(path, ".txt") ? "panel notes" : "csv"; }

BatchResult ingest_file(Xapian::WritableDatabase& db, const std::string& path, const IngestOptions& options) {
    std::string text = read_utf8_file(path);

    BatchRecord record;
    record.file = path;
    record.content_hash = sha1_hex(text);
    record.id = record.content_hash.substr(0, 12);
    record.ingested_at = utc_now();
    record.format = input_format(path);

    ReadResult read = record.format == "csv" ? read_csv_responses(text, path) : read_panel_notes(text, path);

    BatchWriter writer(db, record);
    ResponseNormaliser normaliser(options.defaults, record.id);
    for (const RawResponse& raw : read.responses) writer.put(normaliser.normalise(raw));
    for (const RejectedRecord& rejected : read.rejected) writer.reject(rejected);
    writer.record().redactions = normaliser.redactions();

    BatchResult result;
    if (options.codebook && !writer.written().empty()) {
        result.tagging = tag_responses(db, *options.codebook, writer.written());
    }
    writer.commit();
    result.record = writer.record();
    result.rejected = std::move(read.rejected);
    return result;
}

}  // namespace yousaid
