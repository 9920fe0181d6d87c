#include <unistd.h>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/csv_output.h"
#include "analysis/json_output.h"
#include "analysis/search.h"
#include "analysis/store.h"
#include "bin/commands.h"

namespace yousaid::cli {

namespace search_command {

struct SearchArguments {
    std::vector<std::string> stores;
    std::vector<std::string> words;
    unsigned offset = 0;
    unsigned limit = 10;
    std::string sort = "relevance";
    std::string similar;
    bool count_only = false;
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
    if (!r.suggestion.empty()) std::cout << "Did you mean: " << r.suggestion << "\n";
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
    print_facets("Events", r.event_counts);
    print_facets("Channels", r.channel_counts);
    print_facets("Polarity", r.polarity_counts);
}

// One row per hit, safe to open in a spreadsheet (csv_output.h).
void print_csv(const SearchResults& r) {
    std::cout << csv_line({"id", "event", "channel", "date", "question", "snippet", "themes", "groups", "polarity",
                           "percent"});
    for (const SearchHit& h : r.hits) {
        std::cout << csv_line({h.id, h.event, h.channel, h.date, h.question, h.snippet, join(h.themes, ";"),
                               join(h.groups, ";"), h.polarity, std::to_string(h.percent)});
    }
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
    json facets = {{"theme", json(r.theme_counts)},
                   {"group", json(r.group_counts)},
                   {"event", json(r.event_counts)},
                   {"channel", json(r.channel_counts)}};
    // Only a store with polarities has the facet, so other stores' output is as it was.
    if (r.has_polarity) facets["polarity"] = json(r.polarity_counts);
    json out = {{"total", r.total}, {"hits", hits}, {"facets", facets}};
    if (!r.suggestion.empty()) out["suggestion"] = r.suggestion;
    std::cout << json_text(out);
}

int run(const SearchArguments& args) {
    Xapian::Database db = open_stores(args.stores);
    SearchOptions options;
    options.query = join(args.words, " ");
    options.offset = args.offset;
    options.limit = args.count_only ? 0 : args.limit;
    options.order = args.sort == "newest" ? SearchOrder::newest
                    : args.sort == "oldest" ? SearchOrder::oldest
                                            : SearchOrder::relevance;
    options.similar_to = args.similar;
    options.show_original = args.show_original;
    if (args.format == "json") {
        options.highlight_start = "<b>";
        options.highlight_end = "</b>";
    } else if (::isatty(STDOUT_FILENO)) {
        options.highlight_start = "\x1b[1m";
        options.highlight_end = "\x1b[0m";
    }
    // A writer that commits twice while the search reads can recycle blocks it
    // is reading; the search then starts again on the newest revision.
    const StoreAccess access{[&] { return open_stores(args.stores); }, single_store_directory(args.stores)};
    SearchResults results;
    for (int attempt = 1;; ++attempt) {
        try {
            results = search(db, options, access);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 10) throw;
            db.reopen();
        }
    }
    if (args.count_only) {
        std::cout << results.total << "\n";
    } else if (args.format == "json") {
        print_json(results);
    } else if (args.format == "csv") {
        print_csv(results);
    } else {
        print_text(results, options.query);
    }
    return 0;
}

}  // namespace search_command

void add_search_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<search_command::SearchArguments>();
    CLI::App* cmd = app.add_subcommand(
        "search",
        "Find responses: Xapian query syntax with stemming, \"phrases\", NEAR, word*, AND/OR/NOT, and filters\n"
        "theme:ID group:ID event:NAME channel:NAME question:NAME polarity:positive|mixed|negative,\n"
        "any attribute (carer:yes, age:75-84) and date:2014-06-01..2014-07-31 ('-' before a filter excludes)");
    cmd->add_option("--store", args->stores,
                    "a store directory, a Xapian stub file listing several, or tcp://HOST:PORT (a shard served by\n"
                    "xapian-tcpsrv); repeat to search several as one (default $YOUSAID_STORE, else ./yousaid.db)")
        ->allow_extra_args(false);  // one location per --store, so the query that follows stays the query
    cmd->add_option("--limit", args->limit, "how many hits to show (default 10)");
    cmd->add_option("--offset", args->offset, "skip this many hits first (the next page: --offset 10)");
    cmd->add_option("--sort", args->sort, "relevance (default), newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
    cmd->add_option("--similar", args->similar,
                    "responses like the one with this id (the query, if any, filters them)");
    cmd->add_flag("--count", args->count_only, "print only how many responses match");
    cmd->add_option("--format", args->format, "text, json or csv (hits only; safe to open in a spreadsheet)")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    cmd->add_flag("--show-original", args->show_original,
                  "also print each hit's text as given, personal data included (for the store's owner)");
    cmd->add_option("query", args->words, "the query (several words are joined)");
    cmd->callback([args, &exit_code] { exit_code = search_command::run(*args); });
}

}  // namespace yousaid::cli
