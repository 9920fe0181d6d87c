#pragma once
// Percentages as the report prints them. A percentage of fewer responses than
// the suppression threshold is hidden, printed as "–": a figure that small can
// point at the few people behind it and says little about anyone else (the
// cross-tab command hides them too). Every base a percentage is printed over is
// recorded with where it is printed, for the publication checks.
#include <string>
#include <vector>

#include <xapian.h>

#include "report/publication_checks.h"

namespace yousaid::report {

inline constexpr const char* kHidden = "–";

class ShownFigures {
public:
    // `min_base` 0 hides nothing.
    explicit ShownFigures(Xapian::doccount min_base) : min_base_(min_base) {}

    // Whether percentages of `base` responses are hidden.
    bool hidden(Xapian::doccount base) const { return base < min_base_; }

    // `percent` (of `base` responses) as a whole percentage, "33%", or kHidden.
    // `where` names the place as the subject of a sentence: the table
    // "Themes raised".
    std::string percent(double percent, Xapian::doccount base, const std::string& where);
    // `part` of `base` as a percentage, as percent() prints it; "0%" of 0.
    std::string share(Xapian::doccount part, Xapian::doccount base, const std::string& where);

    // For the note under a table that hid something: "– Fewer than 10 responses: not shown."
    std::string hidden_note() const;

    // Every place a percentage was printed, and its base, in the order first printed.
    const std::vector<ShownBase>& shown() const { return shown_; }

private:
    Xapian::doccount min_base_;
    std::vector<ShownBase> shown_;
};

}  // namespace yousaid::report
