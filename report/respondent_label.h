#pragma once
// Who a quote is from, in a few words, for its attribution: "Working parent",
// "Carer", "Woman aged 75-84".
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/codebook.h"
#include "ingest/response.h"

namespace yousaid::report {

class RespondentLabels {
public:
    // `group_sizes`: responses per group id, to tell a narrower group from a wider one.
    RespondentLabels(const Codebook& codebook, const std::map<std::string, Xapian::doccount>& group_sizes);

    // The label (the codebook's `label:`) of the respondent's most specific
    // group, of the groups they are in by what they told us (an attribute rule
    // or an analyst, confidence 1), never one inferred from their words: a
    // guess is not printed under someone's quote. Most specific: not a group
    // another of theirs is built on (`in-group`), then the smallest in the
    // store, then the first in the codebook. With no labelled group, gender and
    // age ("Woman aged 75-84"); with neither, "Participant".
    std::string describe(const Response& response) const;

private:
    struct Known {
        std::string id;
        std::string label;
        std::vector<std::string> uses;  // every group it is built on, directly or not
        Xapian::doccount size = 0;
        std::size_t order = 0;
    };
    std::map<std::string, Known> groups_;  // labelled groups only
};

}  // namespace yousaid::report
