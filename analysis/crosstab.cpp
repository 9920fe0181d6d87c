#include "analysis/crosstab.h"

#include <algorithm>
#include <map>

#include "analysis/campaign_count.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/tagger.h"

namespace yousaid {

namespace {

std::vector<std::string> keys_of(const Xapian::Document& doc, Dimension dimension) {
    switch (dimension) {
        case Dimension::theme: return split_list(doc.get_value(schema::kThemesSlot));
        case Dimension::group: return split_list(doc.get_value(schema::kGroupsSlot));
        case Dimension::channel: return {doc.get_value(schema::kChannelSlot)};
        case Dimension::event: return {doc.get_value(schema::kEventSlot)};
    }
    return {};
}

struct Ordered {
    std::vector<std::string> keys;
    std::vector<std::string> labels;
};

// Codebook order first for themes and groups; the rest largest first.
Ordered order(Dimension dimension, const std::map<std::string, Xapian::doccount>& totals,
              const std::optional<Codebook>& codebook) {
    Ordered out;
    std::map<std::string, std::string> titles;
    if (codebook && dimension == Dimension::theme) {
        for (const Theme& t : codebook->themes) {
            out.keys.push_back(t.id);
            titles[t.id] = t.title;
        }
    } else if (codebook && dimension == Dimension::group) {
        for (const Group& g : codebook->groups) {
            out.keys.push_back(g.id);
            titles[g.id] = g.title;
        }
    }
    std::vector<std::pair<std::string, Xapian::doccount>> rest;
    for (const auto& [key, count] : totals) {
        if (std::find(out.keys.begin(), out.keys.end(), key) == out.keys.end()) rest.emplace_back(key, count);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [key, count] : rest) out.keys.push_back(key);
    for (const std::string& key : out.keys) {
        auto title = titles.find(key);
        out.labels.push_back(title != titles.end() ? title->second : (key.empty() ? "(not given)" : key));
    }
    return out;
}

}  // namespace

std::optional<Dimension> parse_dimension(const std::string& name) {
    if (name == "theme") return Dimension::theme;
    if (name == "group") return Dimension::group;
    if (name == "channel") return Dimension::channel;
    if (name == "event") return Dimension::event;
    return std::nullopt;
}

std::string dimension_name(Dimension dimension) {
    switch (dimension) {
        case Dimension::theme: return "theme";
        case Dimension::group: return "group";
        case Dimension::channel: return "channel";
        case Dimension::event: return "event";
    }
    return "";
}

double Crosstab::percent(std::size_t row, std::size_t column) const {
    return bases[column] == 0 ? 0.0 : 100.0 * counts[row][column] / bases[column];
}

Crosstab crosstab(const Xapian::Database& db, Dimension rows, Dimension columns, const CrosstabOptions& options) {
    CampaignCount campaigns(db);
    // One pass over every response, counting (row, column) pairs by key.
    std::map<std::pair<std::string, std::string>, Xapian::doccount> pairs;
    std::map<std::string, Xapian::doccount> row_totals, column_totals;
    Xapian::doccount untagged = 0, all = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        if (!options.every_member && !campaigns.counts(*it, doc)) continue;
        std::vector<std::string> row_keys = keys_of(doc, rows);
        std::vector<std::string> column_keys = keys_of(doc, columns);
        ++all;
        for (const std::string& c : column_keys) ++column_totals[c];
        if (row_keys.empty() && rows == Dimension::theme) {
            ++untagged;
            for (const std::string& c : column_keys) ++pairs[{"", c}];
        }
        for (const std::string& r : row_keys) {
            ++row_totals[r];
            for (const std::string& c : column_keys) ++pairs[{r, c}];
        }
    }

    std::optional<Codebook> codebook = stored_codebook(db);
    Ordered row_order = order(rows, row_totals, codebook);
    Ordered column_order = order(columns, column_totals, codebook);

    Crosstab table;
    table.row_dimension = rows;
    table.column_dimension = columns;
    table.campaigns = campaigns.campaigns();
    table.campaign_members = campaigns.members();
    table.every_member = options.every_member;
    table.row_keys = row_order.keys;
    table.row_labels = row_order.labels;
    if (rows == Dimension::theme && untagged > 0) {
        table.row_keys.push_back("");
        table.row_labels.push_back("No theme");
        row_totals[""] = untagged;
    }
    table.column_keys.push_back("");
    table.column_labels.push_back("All responses");
    table.bases.push_back(all);
    for (std::size_t i = 0; i < column_order.keys.size(); ++i) {
        table.column_keys.push_back(column_order.keys[i]);
        table.column_labels.push_back(column_order.labels[i]);
        table.bases.push_back(column_totals[column_order.keys[i]]);
    }
    for (const std::string& r : table.row_keys) {
        std::vector<Xapian::doccount> line{row_totals[r]};
        for (std::size_t c = 1; c < table.column_keys.size(); ++c) {
            auto found = pairs.find({r, table.column_keys[c]});
            line.push_back(found == pairs.end() ? 0 : found->second);
        }
        table.counts.push_back(std::move(line));
    }
    return table;
}

}  // namespace yousaid
