#include <iostream>
#include <memory>

#include "analysis/batch_admin.h"
#include "analysis/csv_output.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace rejects_command {

struct RejectsArguments {
    std::string store;
    std::string batch;
    std::string format = "text";
};

int run(const RejectsArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    std::vector<BatchRecord> batches;
    if (args.batch.empty()) {
        batches = list_batches(db);
    } else {
        try {
            batches.push_back(find_batch(db, args.batch));
        } catch (const std::invalid_argument& e) {
            std::cerr << "yousaid: " << e.what() << "\n";
            return 1;
        }
    }
    if (args.format == "csv") std::cout << csv_line({"batch", "file", "line", "column", "reason", "record"});
    std::size_t count = 0;
    for (const BatchRecord& b : batches) {
        for (const StoredReject& r : batch_rejects(db, b.id)) {
            ++count;
            if (args.format == "csv") {
                std::string record = r.record;
                while (!record.empty() && (record.back() == '\n' || record.back() == '\r')) record.pop_back();
                std::cout << csv_line({b.id, r.file, std::to_string(r.line), std::to_string(r.column), r.reason,
                                       record});
            } else {
                std::cout << r.file << ":" << r.line << ":" << r.column << ": " << r.reason << "\n    " << r.record;
                if (r.record.empty() || r.record.back() != '\n') std::cout << "\n";
            }
        }
    }
    if (args.format != "csv") std::cout << count << (count == 1 ? " rejected record\n" : " rejected records\n");
    return 0;
}

}  // namespace rejects_command

void add_rejects_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<rejects_command::RejectsArguments>();
    CLI::App* cmd = app.add_subcommand("rejects", "Show the records ingest rejected, with where and why");
    add_store_option(*cmd, args->store);
    cmd->add_option("batch", args->batch, "only this batch (its id or first characters)");
    cmd->add_option("--format", args->format, "text or csv (csv writes them out to fix and ingest again)")
        ->check(CLI::IsMember({"text", "csv"}));
    cmd->callback([args, &exit_code] { exit_code = rejects_command::run(*args); });
}

}  // namespace yousaid::cli
