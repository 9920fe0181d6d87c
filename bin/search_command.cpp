#include <unistd.h>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/search.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace {

struct SearchArguments {
    std::string store;
    std::vector<std::string> words;
    unsigned limit = 10;
    std::string format = "text";
    bool show_original = false;
};

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

void print_facets(const char* title, const std::map<std::string, Xapian::doccount>& counts) {
    if (counts.empty()) return;
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::cout << title << ":";
    for (const auto& [id, n] : sorted) std::cout << "  " << id << " " << n;
    std::cout << "\n";
}

void print_text(const SearchResults& r, const std::string& query) {
    std::cout << r.total << (r.total == 1 ? " response matches" : " responses match");
    if (!query.empty()) std::cout << ": " << query;
    std::cout << "\n";
    int rank = 0;
    for (const SearchHit& hit : r.hits) {
        std::cout << "\n" << ++rank << ". " << hit.id << "  " << hit.event;
        if (hit.channel != hit.event) std::cout << " · " << hit.channel;
        if (!hit.date.empty()) std::cout << " · " << hit.date;
        std::cout << "\n   " << hit.snippet << "\n";
        if (!hit.original.empty()) std::cout << "   original (not redacted): " << hit.original << "\n";
        if (!hit.themes.empty()) std::cout << "   themes: " << join(hit.themes, ", ") << "\n";
        if (!hit.groups.empty()) std::cout << "   groups: " << join(hit.groups, ", ") << "\n";
        if (!hit.polarity.empty()) std::cout << "   polarity: " << hit.polarity << "\n";
    }
    if (r.total) std::cout << "\n";
    print_facets("Themes", r.theme_counts);
    print_facets("Groups", r.group_counts);
    print_facets("Polarity", r.polarity_counts);
}

void print_json(const SearchResults& r) {
    using nlohmann::json;
    json hits = json::array();
    for (const SearchHit& h : r.hits) {
        hits.push_back({{"id", h.id},           {"event", h.event},   {"channel", h.channel},
                        {"date", h.date},       {"question", h.question}, {"snippet", h.snippet},
                        {"themes", h.themes},   {"groups", h.groups}, {"percent", h.percent}});
        if (!h.original.empty()) hits.back()["original"] = h.original;
        if (!h.polarity.empty()) hits.back()["polarity"] = h.polarity;
    }
    json facets = {{"theme", json(r.theme_counts)}, {"group", json(r.group_counts)}};
    // Only a store with polarities has the facet, so other stores' output is as it was.
    if (r.has_polarity) facets["polarity"] = json(r.polarity_counts);
    json out = {{"total", r.total}, {"hits", hits}, {"facets", facets}};
    std::cout << out.dump(2) << "\n";
}

int run(const SearchArguments& args) {
    Xapian::Database db = open_store(resolve_store_path(args.store));
    SearchOptions options;
    options.query = join(args.words, " ");
    options.limit = args.limit;
    options.show_original = args.show_original;
    if (args.format == "json") {
        options.highlight_start = "<b>";
        options.highlight_end = "</b>";
    } else if (::isatty(STDOUT_FILENO)) {
        options.highlight_start = "\x1b[1m";
        options.highlight_end = "\x1b[0m";
    }
    SearchResults results = search(db, options);
    if (args.format == "json") {
        print_json(results);
    } else {
        print_text(results, options.query);
    }
    return 0;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<SearchArguments>();
    CLI::App* cmd = app.add_subcommand(
        "search",
        "Find responses: Xapian query syntax with stemming, \"phrases\", NEAR, word*, AND/OR/NOT,\n"
        "and filters theme:ID group:ID event:NAME channel:NAME question:NAME polarity:positive|mixed|negative\n"
        "('-' before a filter excludes what it matches)");
    add_store_option(*cmd, args->store);
    cmd->add_option("--limit", args->limit, "how many hits to show (default 10)");
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--show-original", args->show_original,
                  "also print each hit's text as given, personal data included (for the store's owner)");
    cmd->add_option("query", args->words, "the query (several words are joined)");
    cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace yousaid::cli
