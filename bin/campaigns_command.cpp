#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/campaigns.h"
#include "analysis/json_output.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace campaigns_command {

struct CampaignsArguments {
    std::string store;
    Xapian::doccount min_size = 2;
    std::string format = "text";
};

constexpr std::size_t kLineWidth = 100;
constexpr std::size_t kMaxLines = 4;  // of a campaign's text; the rest is cut with "…"

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// Display width of UTF-8 text, one column a code point.
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The text's words in lines of at most `line_width` columns after `indent`,
// at most kMaxLines of them, the last ending in "…" when words were left out.
std::string wrap(const std::string& text, const std::string& indent, std::size_t line_width) {
    std::vector<std::string> lines(1);
    std::size_t start = 0;
    bool cut = false;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \t\n", start);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(start, end - start);
        start = text.find_first_not_of(" \t\n", end);
        if (start == std::string::npos) start = text.size();
        if (word.empty()) continue;
        if (!lines.back().empty() && width(lines.back()) + 1 + width(word) > line_width) {
            if (lines.size() == kMaxLines) {
                cut = true;
                break;
            }
            lines.emplace_back();
        }
        lines.back() += (lines.back().empty() ? "" : " ") + word;
    }
    if (cut) lines.back() += " …";
    std::string out;
    for (const std::string& line : lines) out += indent + line + "\n";
    return out;
}

void print_text(const std::vector<Campaign>& campaigns) {
    Xapian::doccount members = 0;
    for (const Campaign& c : campaigns) members += c.size;
    std::cout << campaigns.size() << (campaigns.size() == 1 ? " campaign" : " campaigns") << " with " << members
              << (members == 1 ? " response" : " responses") << "\n";
    int rank = 0;
    for (const Campaign& c : campaigns) {
        std::cout << "\n" << ++rank << ". " << c.size << " responses  " << c.id << "\n";
        if (!c.events.empty()) std::cout << "   events: " << join(c.events, ", ") << "\n";
        if (!c.channels.empty()) std::cout << "   channels: " << join(c.channels, ", ") << "\n";
        std::cout << wrap(c.text, "   ", kLineWidth - 3);
    }
}

void print_json(const std::vector<Campaign>& campaigns) {
    using nlohmann::json;
    json out = json::array();
    for (const Campaign& c : campaigns) {
        out.push_back({{"id", c.id}, {"size", c.size}, {"events", c.events}, {"channels", c.channels}, {"text", c.text}});
    }
    std::cout << json_text(json{{"campaigns", out}});
}

int run(const CampaignsArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    std::vector<Campaign> campaigns = list_campaigns(db, args.min_size);
    if (args.format == "json") print_json(campaigns);
    else print_text(campaigns);
    return 0;
}

}  // namespace campaigns_command

void add_campaigns_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<campaigns_command::CampaignsArguments>();
    CLI::App* cmd = app.add_subcommand(
        "campaigns", "List campaigns: identical and near-identical responses, largest first, each with its text");
    add_store_option(*cmd, args->store);
    cmd->add_option("--min-size", args->min_size, "list campaigns of at least N responses (default 2)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([args, &exit_code] { exit_code = campaigns_command::run(*args); });
}

}  // namespace yousaid::cli
