#include "analysis/reach.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "analysis/campaign_count.h"
#include "analysis/json_output.h"
#include "analysis/schema.h"
#include "analysis/search.h"
#include "analysis/slot_counting.h"
#include "analysis/tagger.h"
#include "analysis/text_columns.h"

namespace yousaid {

namespace {

// Group ids numbered in the order first seen, so a respondent's groups are a
// few small numbers rather than strings.
class GroupNumbers {
public:
    std::uint32_t number_of(const std::string& id) {
        auto [at, added] = numbers_.try_emplace(id, static_cast<std::uint32_t>(ids_.size()));
        if (added) ids_.push_back(id);
        return at->second;
    }
    const std::vector<std::string>& ids() const { return ids_; }

private:
    std::unordered_map<std::string, std::uint32_t> numbers_;
    std::vector<std::string> ids_;
};

// Respondent -> the numbers of the groups of their counted responses (in one
// section), sorted, each once.
using Memberships = std::unordered_map<std::string, std::vector<std::uint32_t>>;

void add_groups(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& groups) {
    for (std::uint32_t g : groups) {
        auto at = std::lower_bound(to.begin(), to.end(), g);
        if (at == to.end() || *at != g) to.insert(at, g);
    }
}

struct GroupName {
    std::string id;
    std::string title;
};

ReachSection measure_section(const std::string& key, const std::string& label, const Memberships& people,
                             const GroupNumbers& numbers, const std::vector<GroupName>& groups,
                             const std::map<std::string, PopulationShare>& population, double alpha) {
    ReachSection section;
    section.key = key;
    section.label = label;
    section.respondents = people.size();
    std::map<std::string, Xapian::doccount> in_group;
    for (const auto& [respondent, ids] : people) {
        for (std::uint32_t id : ids) ++in_group[numbers.ids()[id]];
    }
    const double n = section.respondents;
    std::vector<double> p_values;
    std::vector<double> observed, expected_shares;
    for (const GroupName& g : groups) {
        GroupReach r;
        r.id = g.id;
        r.title = g.title;
        r.respondents = in_group[g.id];
        r.sample_share = n == 0 ? 0.0 : 100.0 * r.respondents / n;
        auto share = population.find(g.id);
        if (share != population.end()) {
            double p = share->second.percent;
            r.population_share = p;
            r.population_note = share->second.note;
            r.expected = n * p / 100;
            if (p > 0) {
                r.index = r.sample_share / p;
                observed.push_back(r.respondents);
                expected_shares.push_back(p);
                section.memberships += r.respondents;
            }
            if (p > 0 && p < 100 && n > 0) {
                r.test = stats::chi_square_goodness_of_fit({double(r.respondents), n - r.respondents}, {p, 100 - p});
                r.small_expected = std::min(r.expected, n - r.expected) < 5;
                p_values.push_back(r.test->p);
            }
        }
        section.groups.push_back(r);
    }
    std::vector<double> adjusted = stats::benjamini_hochberg(p_values);
    std::size_t next = 0;
    for (GroupReach& r : section.groups) {
        if (!r.test) continue;
        r.adjusted_p = adjusted[next++];
        if (r.adjusted_p < alpha && r.index && *r.index != 1) r.flag = *r.index < 1 ? -1 : 1;
    }
    if (observed.size() >= 2 && section.memberships > 0) {
        section.overall = stats::chi_square_goodness_of_fit(observed, expected_shares);
    }
    // Most under-represented first; groups without a population share keep codebook order at the end.
    std::stable_sort(section.groups.begin(), section.groups.end(), [](const GroupReach& a, const GroupReach& b) {
        if (a.index.has_value() != b.index.has_value()) return a.index.has_value();
        return a.index && *a.index < *b.index;
    });
    return section;
}

using text::fixed;
using text::pad_left;
using text::pad_right;
using text::width;

std::string p_text(double p) { return p < 0.001 ? "<0.001" : fixed(p, 3); }

std::string breakdown_name(ReachBreakdown by) { return by == ReachBreakdown::event ? "event" : "channel"; }

std::string section_text(const ReachSection& s) {
    std::vector<std::string> header = {"Group", "Respondents", "Sample", "Population", "Index", "Chi-square",
                                       "p", "Adj. p", ""};
    std::vector<std::vector<std::string>> rows;
    for (const GroupReach& g : s.groups) {
        std::vector<std::string> row = {g.title, std::to_string(g.respondents), text::percent(g.sample_share)};
        row.push_back(g.population_share ? text::percent(*g.population_share) : "–");
        row.push_back(g.index ? fixed(*g.index, 2) : "–");
        row.push_back(g.test ? fixed(g.test->statistic, 2) + (g.small_expected ? "*" : "") : "–");
        row.push_back(g.test ? p_text(g.test->p) : "–");
        row.push_back(g.test ? p_text(g.adjusted_p) : "–");
        row.push_back(g.flag < 0 ? "under-represented" : g.flag > 0 ? "over-represented" : "");
        rows.push_back(row);
    }
    std::vector<std::size_t> widths;
    for (const std::string& h : header) widths.push_back(width(h));
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out = pad_right(cells[0], widths[0]);
        for (std::size_t c = 1; c + 1 < cells.size(); ++c) out += "  " + pad_left(cells[c], widths[c]);
        if (!cells.back().empty()) out += "  " + cells.back();
        return out + "\n";
    };
    std::string out = s.label + ": " + std::to_string(s.respondents) + " respondents\n" + line(header);
    for (const auto& row : rows) out += line(row);
    if (s.overall) {
        out += "Overall, group memberships (" + fixed(s.memberships, 0) + ") against population shares: chi-square " +
               fixed(s.overall->statistic, 2) + ", df " + fixed(s.overall->df, 0) + ", p " +
               (s.overall->p < 0.001 ? "< 0.001" : "= " + fixed(s.overall->p, 3)) + "\n";
    }
    return out;
}

}  // namespace

std::optional<ReachBreakdown> parse_reach_breakdown(const std::string& name) {
    if (name == "event") return ReachBreakdown::event;
    if (name == "channel") return ReachBreakdown::channel;
    return std::nullopt;
}

Reach measure_reach(const Xapian::Database& db, const std::map<std::string, PopulationShare>& population,
                    const ReachOptions& options) {
    CampaignCount campaigns(db);
    Reach out;
    out.by = options.by;
    out.every_member = options.every_member;
    out.alpha = options.alpha;
    out.campaigns = campaigns.campaigns();
    out.campaign_members = campaigns.members();

    Memberships everyone;
    std::map<std::string, Memberships> by_key;
    GroupNumbers numbers;
    // Each slot read as a stream in docid order: one pass, no document opened.
    ValueCursor campaign_of(db, schema::kCampaignSlot), respondent_of(db, schema::kRespondentSlot),
        groups_of(db, schema::kGroupsSlot),
        key_of(db, options.by == ReachBreakdown::event ? schema::kEventSlot : schema::kChannelSlot);
    auto value = [](ValueCursor& cursor, Xapian::docid did) {
        const std::string* v = cursor.value_of(did);
        return v ? *v : std::string();
    };
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        if (!options.every_member && !campaigns.counts(*it, value(campaign_of, *it))) continue;
        std::string respondent = value(respondent_of, *it);
        if (respondent.empty()) respondent = "#" + std::to_string(*it);
        std::vector<std::uint32_t> groups;
        for (const std::string& id : split_list(value(groups_of, *it))) groups.push_back(numbers.number_of(id));
        add_groups(everyone[respondent], groups);
        if (options.by != ReachBreakdown::none) add_groups(by_key[value(key_of, *it)][respondent], groups);
    }

    std::vector<GroupName> groups;
    std::optional<Codebook> codebook = stored_codebook(db);
    out.has_codebook = codebook.has_value();
    if (codebook) {
        for (const Group& g : codebook->groups) groups.push_back({g.id, g.title});
    }
    auto known = [&](const std::string& id) {
        return std::any_of(groups.begin(), groups.end(), [&](const GroupName& g) { return g.id == id; });
    };
    const std::set<std::string> seen_groups(numbers.ids().begin(), numbers.ids().end());
    for (const std::string& id : seen_groups) {
        if (!known(id)) groups.push_back({id, id});
    }
    for (const auto& [id, share] : population) {
        if (!known(id)) out.not_in_codebook.push_back(id);
    }

    out.sections.push_back(measure_section("", "All respondents", everyone, numbers, groups, population, options.alpha));
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (const auto& [key, people] : by_key) keys.emplace_back(key, people.size());
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [key, size] : keys) {
        out.sections.push_back(measure_section(key, key.empty() ? "(not given)" : key, by_key[key], numbers, groups, population,
                                               options.alpha));
    }
    return out;
}

std::string reach_text(const Reach& r) {
    std::string out = "Reach: respondents in each group against the approximate population share";
    if (r.by != ReachBreakdown::none) out += ", by " + breakdown_name(r.by);
    out += "\n\n";
    if (!r.has_codebook) out += "The store has not been tagged with a codebook (yousaid tag --codebook FILE).\n\n";
    for (const ReachSection& s : r.sections) out += section_text(s) + "\n";

    out += "Sample: share of the respondents in the group. Index: sample share / population share (under 1: fewer\n"
           "than the population would give). Chi-square: in the group vs not, against the population share (df 1),\n"
           "for each group separately, as groups overlap; Adj. p: Benjamini-Hochberg over the groups of the table;\n"
           "flagged when Adj. p < " + fixed(r.alpha, 2) + ". Most under-represented first.\n";
    bool small = false;
    for (const ReachSection& s : r.sections) {
        for (const GroupReach& g : s.groups) small = small || (g.test && g.small_expected);
    }
    if (small) out += "* an expected count under 5: the p-value is approximate.\n";
    out += "The overall line counts memberships, so a person in two groups counts twice: read it as indicative.\n"
           "A respondent is in a group when any of their responses is, by what they said about themselves or\n"
           "inferred from what they wrote.\n";
    out += "Population shares are approximate: where each comes from is in the population file's note column.\n";
    for (const std::string& id : r.not_in_codebook) {
        out += "The population file's group \"" + id + "\" is not in the codebook.\n";
    }
    out += campaign_note(r.campaigns, r.campaign_members, r.every_member);
    return out;
}

std::string reach_json(const Reach& r) {
    using nlohmann::ordered_json;
    auto optional_number = [](const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); };
    ordered_json out;
    out["by"] = r.by == ReachBreakdown::none ? ordered_json(nullptr) : ordered_json(breakdown_name(r.by));
    out["sections"] = ordered_json::array();
    for (const ReachSection& s : r.sections) {
        ordered_json section{{"key", s.key}, {"label", s.label}, {"respondents", s.respondents}};
        section["groups"] = ordered_json::array();
        for (const GroupReach& g : s.groups) {
            ordered_json group{{"id", g.id},
                               {"title", g.title},
                               {"respondents", g.respondents},
                               {"sample_share", g.sample_share},
                               {"population_share", optional_number(g.population_share)},
                               {"population_note", g.population_note},
                               {"index", optional_number(g.index)},
                               {"expected", g.population_share ? ordered_json(g.expected) : ordered_json(nullptr)}};
            group["chi_square"] = g.test ? ordered_json(g.test->statistic) : ordered_json(nullptr);
            group["df"] = g.test ? ordered_json(g.test->df) : ordered_json(nullptr);
            group["p"] = g.test ? ordered_json(g.test->p) : ordered_json(nullptr);
            group["adjusted_p"] = g.test ? ordered_json(g.adjusted_p) : ordered_json(nullptr);
            group["small_expected"] = g.small_expected;
            group["flag"] = g.flag < 0 ? "under-represented" : g.flag > 0 ? "over-represented" : "";
            section["groups"].push_back(std::move(group));
        }
        section["overall"] = s.overall ? ordered_json{{"chi_square", s.overall->statistic},
                                                      {"df", s.overall->df},
                                                      {"p", s.overall->p},
                                                      {"memberships", s.memberships}}
                                       : ordered_json(nullptr);
        out["sections"].push_back(std::move(section));
    }
    out["not_in_codebook"] = r.not_in_codebook;
    out["campaigns"] = {{"campaigns", r.campaigns}, {"responses", r.campaign_members}, {"counted_once", !r.every_member}};
    return json_text(out);
}

}  // namespace yousaid
