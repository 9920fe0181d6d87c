#include "report/method_text.h"

#include "analysis/batch_record.h"
#include "analysis/reach.h"
#include "analysis/schema.h"
#include "report/coding_counts.h"
#include "report/figure_words.h"
#include "report/quote_text.h"

namespace yousaid::report {

namespace {

constexpr const char* kMethodPlace = "the method section";
constexpr const char* kLimitsPlace = "the limitations section";

// "6 names, 4 telephone numbers and 1 postcode", over every batch; empty when none.
std::string personal_details_removed(const Xapian::Database& db) {
    RedactionCounts total;
    const std::string prefix = schema::kBatchKeyPrefix;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        total += batch_record_from_json(db.get_metadata(*key)).redactions;
    }
    std::vector<std::string> items;
    auto add = [&](int n, const char* one, const char* plural) {
        if (n > 0) items.push_back(count_in_words(static_cast<Xapian::doccount>(n), one, plural));
    };
    add(total.names, "name", "names");
    add(total.phone_numbers, "telephone number", "telephone numbers");
    add(total.emails, "email address", "email addresses");
    add(total.postcodes, "full postcode", "full postcodes");
    add(total.nhs_numbers, "NHS number", "NHS numbers");
    return listed(items);
}

std::string what_was_received(const ReportContext& c) {
    const StoreSummary& s = c.summary;
    std::string out = "In all we received " + count_in_words(s.responses, "response");
    if (!s.first_date.empty()) out += " between " + long_date(s.first_date) + " and " + long_date(s.last_date);
    out += ", through " + count_in_words(s.by_channel.size(), "channel") + " and at " +
           count_in_words(s.by_event.size(), "event") + ".";
    if (s.campaigns > 0) {
        out += " Of these, " + in_words(s.campaign_members) + " were identical or near-identical submissions from " +
               count_in_words(s.campaigns, "campaign");
        out += c.every_member ? ", and each is counted."
                              : std::string(s.campaigns == 1 ? ", which is counted once" : ", each counted once") +
                                    ", so the figures in this report rest on " +
                                    count_in_words(s.counted, "response") + ".";
    }
    if (s.respondents > 0 && s.respondents < s.counted) {
        out += " They came from " + count_in_words(s.respondents, "person", "people") +
               ", as some people answered more than one question.";
    }
    if (std::string removed = personal_details_removed(c.db); !removed.empty()) {
        out += " Before anyone read them, " + removed + " were taken out.";
    }
    if (s.rejected > 0) {
        const auto rows = static_cast<Xapian::doccount>(s.rejected);
        out += " A further " + count_in_words(rows, "row") + " could not be read and " + (rows == 1 ? "is" : "are") +
               " not counted; " + (rows == 1 ? "it is" : "each is") + " kept, with the reason, for checking.";
    }
    return out;
}

std::string how_it_was_coded(const ReportContext& c) {
    const CodingCounts n = count_coding(c.db, c.every_member);
    std::vector<std::string> parts = {"the written rules alone coded " + in_words(n.by_rules)};
    if (n.by_hand > 0) {
        parts.push_back("the team read " + in_words(n.by_hand) + " in full and coded " +
                        (n.by_hand == 1 ? "it" : "them") + " by hand (codes given by hand always come first)");
    }
    if (n.by_model > 0) {
        parts.push_back("in " + in_words(n.by_model) + " more, a model that learned from " +
                        (n.by_hand > 0 ? "the hand-coded responses" : "coded examples") +
                        " found themes the rules had missed");
    }
    if (n.uncoded == 0) {
        parts.push_back("none was left without a theme");
    } else {
        std::string none = in_words(n.uncoded);
        if (!c.figures->hidden(n.counted)) none += " (" + c.figures->share(n.uncoded, n.counted, kMethodPlace) + ")";
        parts.push_back(none + " matched no theme and " + (n.uncoded == 1 ? "was" : "were") +
                        " read by the team separately");
    }
    std::string out = "Of the " + count_in_words(n.counted, "response") + " counted, ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == parts.size() ? "; and " : "; ") + parts[i];
    }
    return out + ".";
}

std::string small_bases(const ReportContext& c) {
    std::string out = c.min_base > 0
                          ? "A percentage of fewer than " + count_in_words(c.min_base, "response") +
                                " is not shown (it is marked \u2013): so few responses could point to the people "
                                "who gave them, and say little about anyone else. Percentages of fewer than " +
                                std::to_string(kSmallBase) + " responses are marked * and should be read with caution."
                          : "Every percentage is shown, however few responses it rests on; those of fewer than " +
                                std::to_string(kSmallBase) + " are marked * and should be read with caution.";
    std::vector<std::string> few, none;
    for (const Group& g : c.codebook.groups) {
        auto found = c.summary.by_group.find(g.id);
        const Xapian::doccount n = found == c.summary.by_group.end() ? 0 : found->second;
        if (n == 0) none.push_back(in_sentence(g.title));
        else if (n < kSmallBase) few.push_back(in_sentence(g.title) + " (" + with_commas(n) + ")");
    }
    if (!few.empty()) {
        out += " We heard fewer than " + std::to_string(kSmallBase) + " responses from " + listed(few) + ".";
    }
    if (!none.empty()) out += " We heard nothing from " + listed(none) + ".";
    return out;
}

std::string under_represented(const ReportContext& c) {
    if (c.population.by_group.empty()) {
        return "We had no population figures to compare the groups we heard from with, so we cannot say which "
               "are under-represented.";
    }
    ReachOptions options;
    options.every_member = c.every_member;
    const Reach reach = measure_reach(c.db, c.population.by_group, options);
    if (reach.sections.empty()) return "";
    const ReachSection& all = reach.sections.front();
    std::vector<std::string> under;
    for (const GroupReach& g : all.groups) {
        if (g.flag >= 0 || !g.population_share) continue;
        std::string share = c.figures->percent(g.sample_share, all.respondents, kLimitsPlace);
        under.push_back(in_sentence(g.title) + " (" + share +
                        (under.empty() ? " of the people we heard from, against about " : ", against about ") +
                        whole_percent(*g.population_share) + (under.empty() ? " of the population)" : ")"));
    }
    if (under.empty()) {
        return "Compared with the population, no group we have figures for was under-represented among the people "
               "we heard from by more than chance would explain.";
    }
    return "Compared with the population, " + listed(under) +  // groups' titles are plural
           " are under-represented among the people we heard from: their views carry less weight in these figures "
           "than their share of the population would give them.";
}

}  // namespace

std::vector<Block> method_paragraphs(const ReportContext& c) {
    return {Paragraph{what_was_received(c)}, Paragraph{how_it_was_coded(c)}};
}

std::vector<Block> limitations_paragraphs(const ReportContext& c) {
    std::vector<Block> out = {Paragraph{small_bases(c)}};
    if (std::string under = under_represented(c); !under.empty()) out.push_back(Paragraph{under});
    return out;
}

std::string coding_note(const StoreSummary& s) {
    auto responses = [](Xapian::doccount n) { return count_of(n, "response"); };
    const std::string by_hand = responses(s.coded_by_hand), by_model = responses(s.model_tagged);
    if (s.coded_by_hand > 0 && s.model_tagged > 0) {
        return "The team also read " + by_hand + " in full and coded them by hand, and a model that learned "
               "from those codes found themes in " + by_model + " that the written rules missed; codes given by "
               "hand always come first.";
    }
    if (s.coded_by_hand > 0) {
        return "The team also read " + by_hand + " in full and coded them by hand; codes given by hand always "
               "come first.";
    }
    if (s.model_tagged > 0) {
        return "A model that learned from coded examples found themes in " + by_model +
               " that the written rules missed.";
    }
    return "";
}

}  // namespace yousaid::report
