// yousaid: from what people told a health and social care programme to a
// "You said, we did" report. main only wires the subcommands and maps errors to
// exit codes; each subcommand lives in its own file.
#include <csignal>
#include <iostream>

#include "analysis/query_parser.h"
#include "analysis/store.h"
#include "bin/commands.h"
#include "ingest/text_file.h"

int main(int argc, char** argv) {
    // A file that reaches its size limit (RLIMIT_FSIZE, a full quota) makes the
    // write fail with EFBIG, which Xapian reports and the store survives; the
    // signal would kill the run with no word said.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{
        "yousaid: turn engagement responses into evidence and a \"You said, we did\" report.\n"
        "The store is a Xapian database: --store DIR, else $YOUSAID_STORE, else ./yousaid.db."};
    app.set_version_flag("--version", "yousaid " YOUSAID_VERSION, "Print the version and exit");
    app.require_subcommand(1);
    int exit_code = 0;
    yousaid::cli::add_inspect_command(app, exit_code);
    yousaid::cli::add_ingest_command(app, exit_code);
    yousaid::cli::add_batches_command(app, exit_code);
    yousaid::cli::add_remove_batch_command(app, exit_code);
    yousaid::cli::add_compact_command(app, exit_code);
    yousaid::cli::add_rejects_command(app, exit_code);
    yousaid::cli::add_campaigns_command(app, exit_code);
    yousaid::cli::add_tag_command(app, exit_code);
    yousaid::cli::add_search_command(app, exit_code);
    yousaid::cli::add_themes_command(app, exit_code);
    yousaid::cli::add_crosstab_command(app, exit_code);
    yousaid::cli::add_reach_command(app, exit_code);
    yousaid::cli::add_code_command(app, exit_code);
    yousaid::cli::add_audit_command(app, exit_code);
    yousaid::cli::add_train_command(app, exit_code);
    yousaid::cli::add_evaluate_command(app, exit_code);
    yousaid::cli::add_report_command(app, exit_code);
    // Set after the subcommands, which would otherwise each show it under their own help.
    app.footer(
        "\nExamples:\n"
        "  yousaid ingest --codebook corpus/codebook.txt corpus/responses/*.csv corpus/panels/*.txt\n"
        "  yousaid search 'transport NEAR rural group:older-isolated'\n"
        "  yousaid crosstab --rows theme --cols group\n"
        "  yousaid report --actions corpus/actions.csv --out august-report.pdf\n"
        "Run 'yousaid COMMAND --help' for a command's options.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const yousaid::StoreError& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return 1;
    } catch (const yousaid::FileError& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return 1;
    } catch (const yousaid::QueryError& e) {
        std::cerr << "yousaid: the query cannot be read: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::DatabaseModifiedError&) {
        std::cerr << "yousaid: the store changed while it was being read (a writer committed twice meanwhile); "
                     "run the command again\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "yousaid: " << e.get_description() << "\n";
        return 1;
    }
    return exit_code;
}
