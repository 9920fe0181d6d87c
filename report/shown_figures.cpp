#include "report/shown_figures.h"

#include <algorithm>
#include <cmath>

namespace yousaid::report {

std::string ShownFigures::percent(double percent, Xapian::doccount base, const std::string& where) {
    if (hidden(base)) return kHidden;
    bool seen = std::any_of(shown_.begin(), shown_.end(),
                            [&](const ShownBase& s) { return s.base == base && s.where == where; });
    if (!seen) shown_.push_back({where, base});
    return std::to_string(static_cast<long>(std::lround(percent))) + "%";
}

std::string ShownFigures::share(Xapian::doccount part, Xapian::doccount base, const std::string& where) {
    return percent(base == 0 ? 0 : 100.0 * part / base, base, where);
}

std::string ShownFigures::hidden_note() const {
    return std::string(kHidden) + " Fewer than " + std::to_string(min_base_) + " responses: not shown.";
}

}  // namespace yousaid::report
