#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/audit_log.h"
#include "analysis/csv_output.h"
#include "analysis/json_output.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace audit_command {

struct AuditArguments {
    std::string store;
    std::string response;
    std::string format = "text";
};

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

void print_text(const std::vector<AuditEntry>& entries) {
    for (const AuditEntry& e : entries) {
        std::cout << "#" << e.sequence << "  " << e.time << "  " << e.user << "  " << e.response << "\n";
        std::cout << "  themes: " << describe_tags(e.before.themes) << "\n       -> "
                  << describe_tags(e.after.themes) << "\n";
        std::cout << "  groups: " << describe_tags(e.before.groups) << "\n       -> "
                  << describe_tags(e.after.groups) << "\n";
        if (!e.after.removed_themes.empty()) {
            std::cout << "  themes removed by hand: " << joined(e.after.removed_themes) << "\n";
        }
        if (!e.after.removed_groups.empty()) {
            std::cout << "  groups removed by hand: " << joined(e.after.removed_groups) << "\n";
        }
        if (!e.note.empty()) std::cout << "  note: " << e.note << "\n";
    }
    std::cout << entries.size() << (entries.size() == 1 ? " audit entry\n" : " audit entries\n");
}

void print_csv(const std::vector<AuditEntry>& entries) {
    std::cout << csv_line({"sequence", "time", "user", "response", "themes_before", "themes_after", "groups_before",
                           "groups_after", "note"});
    for (const AuditEntry& e : entries) {
        std::cout << csv_line({std::to_string(e.sequence), e.time, e.user, e.response, describe_tags(e.before.themes),
                               describe_tags(e.after.themes), describe_tags(e.before.groups),
                               describe_tags(e.after.groups), e.note});
    }
}

void print_json(const std::vector<AuditEntry>& entries) {
    nlohmann::json out = {{"entries", nlohmann::json::array()}};
    for (const AuditEntry& e : entries) out["entries"].push_back(nlohmann::json::parse(to_json(e)));
    std::cout << json_text(out);
}

int run(const AuditArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    std::optional<std::string> response;
    if (!args.response.empty()) response = args.response;
    std::vector<AuditEntry> entries = list_audit_entries(db, response);
    if (args.format == "csv") {
        print_csv(entries);
    } else if (args.format == "json") {
        print_json(entries);
    } else {
        print_text(entries);
    }
    return 0;
}

}  // namespace audit_command

void add_audit_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<audit_command::AuditArguments>();
    CLI::App* cmd = app.add_subcommand(
        "audit", "Show the audit log of manual coding: time, user, response, codes before and after, note");
    add_store_option(*cmd, args->store);
    cmd->add_option("--response", args->response, "only the entries of this response id");
    cmd->add_option("--format", args->format, "text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}));
    cmd->callback([args, &exit_code] { exit_code = audit_command::run(*args); });
}

}  // namespace yousaid::cli
