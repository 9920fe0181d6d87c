#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "analysis/facet_cache.h"
#include "analysis/manual_coding.h"
#include "analysis/store.h"
#include "bin/commands.h"
#include "ingest/text_file.h"

namespace yousaid::cli {

namespace code_command {

struct CodeArguments {
    std::string store;
    std::string from;
    std::string user;
    std::string note;
    std::vector<std::string> words;  // ID, then +theme -theme +group:ID -group:ID ...
};

// --user, else $USER, else the login name of the process's user.
std::string coding_user(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* entry = ::getpwuid(::getuid())) return entry->pw_name;
    return "uid " + std::to_string(::getuid());
}

void print_error(const Diagnostic& d) {
    if (d.where.file.empty()) {
        std::cerr << "yousaid: " << d.message << "\n";
    } else {
        std::cerr << d.format();
    }
}

// The request of the command line; nullopt after printing why there is none.
std::optional<CodingRequest> request_of(const std::vector<std::string>& words) {
    if (words.size() < 2) {
        std::cerr << "yousaid: give a response id and at least one change (+THEME, -THEME, +group:GROUP, "
                     "-group:GROUP), or --from FILE.csv\n";
        return std::nullopt;
    }
    CodingRequest request;
    request.response_id = words.front();
    try {
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (words[i].rfind("--", 0) == 0) throw std::invalid_argument("unknown option " + words[i]);
            request.changes.push_back(parse_code_argument(words[i]));
        }
    } catch (const std::invalid_argument& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return std::nullopt;
    }
    return request;
}

int run(const CodeArguments& args) {
    if (!args.from.empty() && !args.words.empty()) {
        std::cerr << "yousaid: give either --from FILE or a response id and changes, not both\n";
        return 2;
    }
    std::optional<CodingRequest> request;
    if (args.from.empty() && !(request = request_of(args.words))) return 2;
    CodingOptions options{coding_user(args.user), args.note, ""};
    std::string path = resolve_store_path(args.store);
    open_store(path);  // refuses a missing store rather than creating an empty one
    Xapian::WritableDatabase db = open_store_to_write(path);
    CodingResult result = request ? apply_coding(db, {*request}, options)
                                  : code_from_file(db, read_utf8_file(args.from), args.from, options);
    if (!result.errors.empty()) {
        for (const Diagnostic& d : result.errors) print_error(d);
        std::cerr << "yousaid: nothing coded" << (args.from.empty() ? "" : ": " + args.from + " has errors") << "\n";
        return 1;
    }
    refresh_facet_cache(db, path);
    std::cout << result.summary.counts_line() << "\n";
    return 0;
}

}  // namespace code_command

void add_code_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<code_command::CodeArguments>();
    CLI::App* cmd = app.add_subcommand(
        "code",
        "Code responses by hand: yousaid code ID +THEME -THEME +group:GROUP -group:GROUP.\n"
        "Manual codes win over rules and survive re-tagging; every change goes into the audit log");
    // No short options, so "-theme" is never read as one ("-h..." would be help).
    cmd->set_help_flag("--help", "print this help and exit");
    add_store_option(*cmd, args->store);
    cmd->add_option("--from", args->from,
                    "code in bulk from a CSV file with columns id, add, remove (';'-separated ids, group:ID for "
                    "groups) and optional note");
    cmd->add_option("--user", args->user, "who is coding, for the audit log (default $USER)");
    cmd->add_option("--note", args->note, "why, for the audit log");
    // The id and the changes are read in order from what CLI11 leaves, so that
    // "-theme" is not taken for an option.
    cmd->allow_extras();
    cmd->callback([args, cmd, &exit_code] {
        args->words = cmd->remaining();
        exit_code = code_command::run(*args);
    });
}

}  // namespace yousaid::cli
