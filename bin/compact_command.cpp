#include "bin/commands.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/facet_cache.h"
#include "analysis/store.h"
#include "analysis/store_compaction.h"

namespace yousaid::cli {

namespace compact_command {

std::string megabytes(std::uintmax_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

int run(const std::string& given) {
    const std::string path = resolve_store_path(given);
    open_store(path);  // refuses a missing store rather than creating an empty one
    CompactionSizes sizes;
    {
        Xapian::WritableDatabase writer = open_store_to_write(path);
        try {
            sizes = compact_store(writer, path);
        } catch (const std::filesystem::filesystem_error& e) {
            std::cerr << "yousaid: " << path << ": not compacted, the store is as it was (" << e.code().message()
                      << ": " << e.path1().string() << ")\n";
            return 1;
        }
    }
    refresh_facet_cache(Xapian::Database(path), path);
    std::cout << "compacted " << path << ": " << megabytes(sizes.before) << " -> " << megabytes(sizes.after) << "\n";
    return 0;
}

}  // namespace compact_command

void add_compact_command(CLI::App& app, int& exit_code) {
    auto store = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "compact", "Rewrite the store with Xapian's compaction: smaller and quicker to read; searches may go on");
    add_store_option(*cmd, *store);
    cmd->footer(
        "Writers wait while it runs. The compacted copy is made beside the store and swapped in at once;\n"
        "a failure leaves the store as it was. Needs free space for one more copy of the store.");
    cmd->callback([store, &exit_code] { exit_code = compact_command::run(*store); });
}

}  // namespace yousaid::cli
