#pragma once
// How the responses counted were coded, each response in exactly one place,
// so the report's method can give figures that add up:
// by_rules + by_hand + by_model + uncoded = counted.
#include <xapian.h>

namespace yousaid::report {

struct CodingCounts {
    Xapian::doccount counted = 0;   // responses counted: a campaign once, unless every member counts
    Xapian::doccount by_rules = 0;  // holding themes from the codebook's rules alone
    Xapian::doccount by_hand = 0;   // holding a theme an analyst gave by hand
    Xapian::doccount by_model = 0;  // holding a theme a learned model gave, and none given by hand
    Xapian::doccount uncoded = 0;   // holding no theme
};

// Reads posting lists and value streams only, not documents.
CodingCounts count_coding(const Xapian::Database& db, bool every_member);

}  // namespace yousaid::report
