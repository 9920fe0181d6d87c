#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/batch_ingest.h"
#include "analysis/store.h"
#include "bin/commands.h"
#include "ingest/date_text.h"
#include "ingest/text_file.h"

namespace yousaid::cli {

namespace {

struct IngestArguments {
    std::string store;
    std::vector<std::string> files;
    ResponseDefaults defaults;
    std::string codebook;
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

int run(const IngestArguments& args) {
    // A misspelt file name should not leave a new, empty store behind.
    for (const std::string& file : args.files) {
        if (!std::filesystem::is_regular_file(file)) {
            std::cerr << "yousaid: " << file << ": no such file; nothing ingested\n";
            return 1;
        }
    }
    Xapian::WritableDatabase db = open_store_for_writing(resolve_store_path(args.store));
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
    IngestOptions options{args.defaults, codebook ? &*codebook : nullptr};

    BatchRecord total;
    int failed_files = 0;
    for (const std::string& file : args.files) {
        try {
            BatchResult result = ingest_file(db, file, options);
            for (const RejectedRecord& r : result.rejected) std::cerr << r.diagnostic.format();
            const BatchRecord& b = result.record;
            std::cout << file << ": " << b.format << ", batch " << b.id << ": " << b.counts_line();
            if (b.replaced) std::cout << " (" << b.replaced << " replaced)";
            std::cout << "\n";
            if (b.redactions.total()) std::cout << "  redacted " << redaction_line(b.redactions) << "\n";
            total.read += b.read;
            total.accepted += b.accepted;
            total.rejected += b.rejected;
            total.unchanged += b.unchanged;
            total.replaced += b.replaced;
        } catch (const FileError& e) {
            std::cerr << "yousaid: " << e.what() << "\n";
            ++failed_files;
        }
    }
    if (args.files.size() > 1) std::cout << "total: ";
    std::cout << total.counts_line();
    if (total.replaced) std::cout << " (" << total.replaced << " replaced)";
    std::cout << "\n";
    if (total.rejected) {
        std::cout << total.rejected << " rejected " << (total.rejected == 1 ? "record is" : "records are")
                  << " kept in the store with the reason\n";
    }
    if (failed_files) {
        std::cerr << "yousaid: nothing was ingested from " << failed_files << " of " << args.files.size()
                  << (args.files.size() == 1 ? " file" : " files") << " (see above)\n";
        return 1;
    }
    return 0;
}

}  // namespace

void add_ingest_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<IngestArguments>();
    CLI::App* cmd = app.add_subcommand(
        "ingest", "Import responses: CSV files and stakeholder-panel notes (.txt), one batch per file");
    add_store_option(*cmd, args->store);
    cmd->add_option("--event", args->defaults.event, "event name for rows whose file gives none");
    cmd->add_option("--channel", args->defaults.channel, "channel for rows whose file gives none");
    cmd->add_option("--date", args->defaults.date, "date (YYYY-MM-DD) for rows whose file gives none")
        ->check([](const std::string& value) -> std::string {
            return parse_date(value) ? "" : "\"" + value + "\" is not a date (expected YYYY-MM-DD)";
        });
    cmd->add_option("--question", args->defaults.question, "question for rows whose file gives none");
    cmd->add_option("--codebook", args->codebook, "tag each batch with this codebook before it commits");
    cmd->add_option("files", args->files, "CSV files and panel notes to import")->required();
    cmd->callback([args, &exit_code] {
        if (!args->defaults.date.empty()) args->defaults.date = *parse_date(args->defaults.date);
        exit_code = run(*args);
    });
}

}  // namespace yousaid::cli
