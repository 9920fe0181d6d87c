#pragma once
// One function per subcommand: each declares its options on `app` and, when
// chosen, runs one library call and sets `exit_code` (0 done, 1 refused or
// failed; CLI11 reports usage errors with 2).
#include <CLI/CLI.hpp>
#include <xapian.h>

namespace yousaid::cli {

void add_ingest_command(CLI::App& app, int& exit_code);
void add_tag_command(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_crosstab_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);
void add_batches_command(CLI::App& app, int& exit_code);
void add_remove_batch_command(CLI::App& app, int& exit_code);
void add_rejects_command(CLI::App& app, int& exit_code);
void add_campaigns_command(CLI::App& app, int& exit_code);
void add_themes_command(CLI::App& app, int& exit_code);
void add_reach_command(CLI::App& app, int& exit_code);
void add_code_command(CLI::App& app, int& exit_code);
void add_audit_command(CLI::App& app, int& exit_code);
void add_train_command(CLI::App& app, int& exit_code);
void add_evaluate_command(CLI::App& app, int& exit_code);
void add_compact_command(CLI::App& app, int& exit_code);

// --store DIR, shared by every command.
void add_store_option(CLI::App& command, std::string& store);
// The store opened for writing as every command that writes opens it: when
// another process is writing, a line on standard error says the command waits.
Xapian::WritableDatabase open_store_to_write(const std::string& path);

}  // namespace yousaid::cli
