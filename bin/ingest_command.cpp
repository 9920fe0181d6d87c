#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/batch_ingest.h"
#include "analysis/facet_cache.h"
#include "analysis/new_store_ingest.h"
#include "analysis/store.h"
#include "analysis/store_compaction.h"
#include "bin/commands.h"
#include "bin/progress_line.h"
#include "ingest/date_text.h"
#include "ingest/encoding.h"
#include "ingest/text_file.h"

namespace yousaid::cli {

namespace ingest_command {

struct IngestArguments {
    std::string store;
    std::vector<std::string> files;
    ResponseDefaults defaults;
    std::string codebook;
    std::string map;
    std::string sheet;
    bool strict = false;
    bool quiet = false;
};

std::string redaction_line(const RedactionCounts& c) {
    std::string out;
    auto add = [&](int n, const char* one, const char* many) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(c.emails, "email address", "email addresses");
    add(c.phone_numbers, "phone number", "phone numbers");
    add(c.nhs_numbers, "NHS number", "NHS numbers");
    add(c.postcodes, "postcode", "postcodes");
    add(c.names, "name", "names");
    return out;
}

std::optional<MapFile> load_map(const std::string& path) {
    std::string bytes = read_file_bytes(path);
    DecodedText decoded = decode_text(bytes, path);
    if (decoded.error) {
        std::cerr << decoded.error->format();
        return std::nullopt;
    }
    MapFileParse parse = parse_map_file(decoded.text, path);
    for (const Diagnostic& d : parse.errors) std::cerr << d.format();
    if (!parse.errors.empty()) return std::nullopt;
    return parse.map;
}

std::string describe_file(const BatchRecord& b) {
    std::string out = b.format;
    if (!b.encoding.empty()) out += ", " + b.encoding;
    if (!b.sheet.empty()) out += ", sheet \"" + b.sheet + "\"";
    return out;
}

// Everything ingested is committed by now: a compaction that fails leaves the
// store as it was, whole, so it is reported and the ingest still succeeds.
void compact_after_ingest(const Xapian::WritableDatabase& db, const std::string& store_path, bool show_progress) {
    if (show_progress) std::cerr << "compacting the store..." << std::flush;
    std::string failure;
    try {
        compact_store(db, store_path);
    } catch (const std::filesystem::filesystem_error& e) {
        failure = e.code().message() + ": " + e.path1().string();
    } catch (const Xapian::Error& e) {
        failure = e.get_error_string() ? e.get_error_string() : e.get_msg();
    }
    if (show_progress) std::cerr << "\r\033[K" << std::flush;
    if (!failure.empty()) {
        std::cerr << "yousaid: " << store_path << ": not compacted (" << failure
                  << "); what was ingested is in the store\n";
    }
}

int run(const IngestArguments& args) {
    // A misspelt file name should not leave a new, empty store behind.
    for (const std::string& file : args.files) {
        if (std::filesystem::is_directory(file)) {
            std::cerr << "yousaid: " << file << ": is a folder; give the files in it (" << file
                      << "/*.csv); nothing ingested\n";
            return 1;
        }
        if (!std::filesystem::is_regular_file(file)) {
            std::cerr << "yousaid: " << file << ": no such file; nothing ingested\n";
            return 1;
        }
    }
    std::optional<MapFile> map;
    if (!args.map.empty()) {
        map = load_map(args.map);
        if (!map) {
            std::cerr << "yousaid: nothing ingested: the column map has errors\n";
            return 1;
        }
    }
    const std::string store_path = resolve_store_path(args.store);
    Xapian::WritableDatabase db = open_store_to_write(store_path);
    std::optional<CompiledCodebook> codebook;
    if (!args.codebook.empty()) {
        CodebookLoad load = load_codebook(args.codebook, db);
        for (const Diagnostic& d : load.errors) std::cerr << d.format();
        if (!load.compiled) {
            std::cerr << "yousaid: nothing ingested: the codebook has errors\n";
            return 1;
        }
        codebook = std::move(load.compiled);
    }
    IngestOptions options;
    options.defaults = args.defaults;
    options.codebook = codebook ? &*codebook : nullptr;
    options.input.sheet = args.sheet;
    options.input.map = map ? &*map : nullptr;
    options.strict = args.strict;
    options.store_path = store_path;
    bool show_progress = !args.quiet && ::isatty(STDERR_FILENO);

    BatchRecord total;
    int refused = 0;
    for (std::size_t index = 0; index < args.files.size(); ++index) {
        const std::string& file = args.files[index];
        ProgressLine progress(file, show_progress);
        options.progress = [&progress](std::size_t done, std::size_t all) { progress.update(done, all); };
        BatchResult result;
        try {
            result = is_new_store(db) ? ingest_into_new_store(db, store_path, file, options)
                                      : ingest_file(db, file, options);
        } catch (const FileError& e) {
            progress.clear();
            std::cerr << "yousaid: " << e.what() << "\n";
            ++refused;
            continue;
        } catch (const Xapian::DatabaseError& e) {
            // A full disk or file size limit: the batch's transaction is cancelled,
            // the store stays at its last commit, and the files after it wait.
            progress.clear();
            const char* reason = e.get_error_string();  // "File too large", "No space left on device"
            std::cerr << "yousaid: " << file << ": the store could not be written (" << (reason ? reason : e.get_msg())
                      << "); nothing of it is in the store\n";
            if (index + 1 < args.files.size()) std::cerr << "yousaid: stopped before the files after it\n";
            refused += static_cast<int>(args.files.size() - index);
            break;
        }
        progress.clear();
        const BatchRecord& b = result.record;
        if (!result.landed()) {
            for (const Diagnostic& d : result.refused) std::cerr << d.format();
            std::cerr << "yousaid: " << file << ": refused; nothing of it is in the store"
                      << (args.strict && b.rejected ? " (--strict: a record was rejected)" : "") << "\n";
            ++refused;
            continue;
        }
        for (const RejectedRecord& r : result.rejected) std::cerr << r.diagnostic.format();
        std::cout << file << ": " << describe_file(b) << ", batch " << b.id << ": " << b.counts_line();
        if (b.replaced) std::cout << " (" << b.replaced << " replaced)";
        std::cout << "\n";
        if (b.redactions.total()) std::cout << "  redacted " << redaction_line(b.redactions) << "\n";
        total.read += b.read;
        total.accepted += b.accepted;
        total.rejected += b.rejected;
        total.unchanged += b.unchanged;
        total.replaced += b.replaced;
    }
    if (worth_compacting_after(static_cast<Xapian::doccount>(total.accepted), db.get_doccount())) {
        compact_after_ingest(db, store_path, show_progress);
        db.close();  // its files were the store before the swap
        refresh_facet_cache(Xapian::Database(store_path), store_path);
    } else {
        refresh_facet_cache(db, store_path);
    }
    if (args.files.size() > 1) std::cout << "total: ";
    std::cout << total.counts_line();
    if (total.replaced) std::cout << " (" << total.replaced << " replaced)";
    std::cout << "\n";
    if (total.rejected) {
        std::cout << total.rejected << " rejected " << (total.rejected == 1 ? "record is" : "records are")
                  << " kept in the store with the reason (yousaid rejects; " << store_path << "/rejects/)\n";
    }
    if (refused) {
        std::cerr << "yousaid: nothing was ingested from " << refused << " of " << args.files.size()
                  << (args.files.size() == 1 ? " file" : " files") << " (see above)\n";
        return 1;
    }
    return 0;
}

}  // namespace ingest_command

void add_ingest_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ingest_command::IngestArguments>();
    CLI::App* cmd = app.add_subcommand(
        "ingest",
        "Import responses, one batch per file: CSV, TSV or semicolon-separated text in UTF-8, UTF-16 or\n"
        "Windows-1252 (survey exports with one or two header rows), XLSX, JSON Lines (.jsonl), and\n"
        "stakeholder-panel notes (.txt)");
    add_store_option(*cmd, args->store);
    cmd->add_option("--event", args->defaults.event, "event name for rows whose file gives none");
    cmd->add_option("--channel", args->defaults.channel, "channel for rows whose file gives none");
    cmd->add_option("--date", args->defaults.date, "date (YYYY-MM-DD) for rows whose file gives none")
        ->check([](const std::string& value) -> std::string {
            return parse_date(value) ? "" : "\"" + value + "\" is not a date (expected YYYY-MM-DD)";
        });
    cmd->add_option("--question", args->defaults.question, "question for rows whose file gives none");
    cmd->add_option("--codebook", args->codebook, "tag each batch with this codebook before it commits");
    cmd->add_option("--map", args->map, "a column map saying which column is what (README: Column maps)");
    cmd->add_option("--sheet", args->sheet, "XLSX: the sheet to read (default the first)");
    cmd->add_flag("--strict", args->strict, "refuse a whole file at its first rejected record");
    cmd->add_flag("-q,--quiet", args->quiet, "no progress line, only the counts");
    cmd->add_option("files", args->files, "the files to import")->required();
    cmd->footer(
        "When the files bring a quarter of the store's responses or more, the store is then compacted\n"
        "(as yousaid compact does), which needs room for one more copy of it.");
    cmd->callback([args, &exit_code] {
        if (!args->defaults.date.empty()) args->defaults.date = *parse_date(args->defaults.date);
        exit_code = ingest_command::run(*args);
    });
}

}  // namespace yousaid::cli
