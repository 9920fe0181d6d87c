#pragma once
// The statistics behind cross-tabs and reach, each checked in tests against a
// published table or a calculation written out by hand.
#include <vector>

namespace yousaid::stats {

// Two-sided p-value of a standard normal z.
double normal_two_sided_p(double z);

// Column-proportion z-test of a cell against the rest of its row: is the
// proportion x1/n1 (this column) different from x2/n2 (all other columns)?
// Pooled two-proportion z-test. Returns z (positive when this column is
// higher); 0 when either base is 0 or the pooled proportion is 0 or 1.
double two_proportion_z(double x1, double n1, double x2, double n2);

// Multiple-comparison adjustments of p-values, returned in the input's order
// (capped at 1). Benjamini-Hochberg controls the false discovery rate;
// Bonferroni the family-wise error rate.
std::vector<double> benjamini_hochberg(const std::vector<double>& p_values);
std::vector<double> bonferroni(const std::vector<double>& p_values);

// Upper tail of the chi-square distribution: P(X >= statistic) with `df`
// degrees of freedom (through Boost.Math's regularised gamma function).
double chi_square_p(double statistic, double df);

struct GoodnessOfFit {
    double statistic = 0;  // sum (observed - expected)^2 / expected
    double df = 0;         // categories - 1
    double p = 1;
};

// Chi-square goodness of fit of observed counts to expected shares (which are
// rescaled to sum to 1; categories with an expected share of 0 are skipped).
GoodnessOfFit chi_square_goodness_of_fit(const std::vector<double>& observed,
                                         const std::vector<double>& expected_shares);

}  // namespace yousaid::stats
