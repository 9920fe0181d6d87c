#pragma once
// Reach: which seldom-heard groups the engagement heard from, against their
// approximate share of the population. Counted in respondents (people, not
// responses: analysis/campaign_count.h's first member stands for a campaign).
// A respondent is in a group when any of their counted responses is tagged
// with it (term XG<id>), whether by an attribute rule or inferred from a cue.
//
// The test. Groups overlap (a carer can be disabled and older), so the groups
// are not the categories of one multinomial. For each group with a population
// share p we run a separate chi-square goodness of fit of the two categories
// "in the group" / "not in it": observed (n_g, N - n_g) against expected
// shares (p, 1 - p), one degree of freedom, where N is the respondents in the
// section. Their p-values are adjusted together (Benjamini-Hochberg over the
// tested groups of the section), and a group is flagged under- or
// over-represented when its adjusted p is below 0.05. The overall line is a
// goodness of fit of the table of group memberships (how many respondents in
// each group, summing to the memberships) to the population shares rescaled to
// sum to 1, k - 1 degrees of freedom: it asks whether the mix of groups heard
// matches the population's mix; as a person in two groups counts twice, its
// p-value is indicative only.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/population_file.h"
#include "analysis/statistics.h"

namespace yousaid {

enum class ReachBreakdown { none, event, channel };

// "event", "channel"; nullopt for anything else.
std::optional<ReachBreakdown> parse_reach_breakdown(const std::string& name);

struct ReachOptions {
    ReachBreakdown by = ReachBreakdown::none;
    bool every_member = false;  // count each member of a campaign
    double alpha = 0.05;        // adjusted p below which a group is flagged
};

struct GroupReach {
    std::string id;
    std::string title;                        // from the codebook; the id otherwise
    Xapian::doccount respondents = 0;         // respondents in the group
    double sample_share = 0;                  // percent of the section's respondents
    std::optional<double> population_share;   // percent; nullopt when the file has none
    std::string population_note;              // where the figure comes from
    // sample share / population share; only with a population share above 0.
    std::optional<double> index;
    double expected = 0;                      // respondents expected from the population share
    std::optional<stats::GoodnessOfFit> test; // in-group vs not, df 1; only with 0 < share < 100%
    double adjusted_p = 1;                    // Benjamini-Hochberg over the section's tested groups
    bool small_expected = false;              // an expected count under 5: the p-value is approximate
    int flag = 0;                             // -1 under-represented, +1 over, 0 neither or untested
};

struct ReachSection {
    std::string key;                          // "" for every respondent; else the event or channel
    std::string label;                        // "All respondents", or the name ("(not given)" for "")
    Xapian::doccount respondents = 0;
    std::vector<GroupReach> groups;           // lowest index first; groups without a share last
    double memberships = 0;                   // over groups with a population share
    std::optional<stats::GoodnessOfFit> overall;
};

struct Reach {
    ReachBreakdown by = ReachBreakdown::none;
    std::vector<ReachSection> sections;       // every respondent first, then by event or channel, largest first
    std::vector<std::string> not_in_codebook; // population file groups the codebook does not have
    Xapian::doccount campaigns = 0;
    Xapian::doccount campaign_members = 0;
    bool every_member = false;
    bool has_codebook = false;
    double alpha = 0.05;
};

Reach measure_reach(const Xapian::Database& db, const std::map<std::string, PopulationShare>& population,
                    const ReachOptions& options = {});

// Aligned tables, most under-represented group first, then notes on the test.
std::string reach_text(const Reach& reach);
// {"by","sections":[{"key","label","respondents","groups":[{"id","title","respondents",
//  "sample_share","population_share","population_note","index","expected","chi_square","df","p","adjusted_p",
//  "small_expected","flag"}],"overall":{"chi_square","df","p","memberships"}}],
//  "not_in_codebook","campaigns":{...}}
std::string reach_json(const Reach& reach);

}  // namespace yousaid
