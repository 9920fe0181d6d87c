#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/batch_admin.h"
#include "analysis/json_output.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace batches_command {

struct BatchesArguments {
    std::string store;
    std::string format = "text";
};

int run(const BatchesArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    std::vector<BatchRecord> batches = list_batches(db);
    if (args.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const BatchRecord& b : batches) out.push_back(nlohmann::json::parse(to_json(b)));
        std::cout << json_text(out);
        return 0;
    }
    for (const BatchRecord& b : batches) {
        std::cout << b.id << "  " << b.ingested_at << "  " << b.file << "\n    " << b.format;
        if (!b.encoding.empty()) std::cout << ", " << b.encoding;
        if (!b.sheet.empty()) std::cout << ", sheet \"" << b.sheet << "\"";
        std::cout << ", sha1 " << b.content_hash << "\n    " << b.counts_line();
        if (b.redactions.total()) std::cout << ", " << b.redactions.total() << " redactions";
        std::cout << "\n";
    }
    std::cout << batches.size() << (batches.size() == 1 ? " batch\n" : " batches\n");
    return 0;
}

}  // namespace batches_command

void add_batches_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<batches_command::BatchesArguments>();
    CLI::App* cmd = app.add_subcommand("batches", "List the batches in the store: file, content hash, time, counts");
    add_store_option(*cmd, args->store);
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([args, &exit_code] { exit_code = batches_command::run(*args); });
}

}  // namespace yousaid::cli
