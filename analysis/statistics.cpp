#include "analysis/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace yousaid::stats {

double normal_two_sided_p(double z) {
    if (!std::isfinite(z)) return std::isnan(z) ? 1.0 : 0.0;
    // P(|Z| >= |z|) = erfc(|z| / sqrt 2), accurate far into the tail.
    return std::min(1.0, boost::math::erfc(std::fabs(z) / std::sqrt(2.0)));
}

double two_proportion_z(double x1, double n1, double x2, double n2) {
    if (n1 <= 0 || n2 <= 0) return 0;
    double pooled = (x1 + x2) / (n1 + n2);
    if (pooled <= 0 || pooled >= 1) return 0;
    double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (se <= 0) return 0;
    return (x1 / n1 - x2 / n2) / se;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p_values) {
    const std::size_t m = p_values.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
    // Adjusted p of the k-th smallest is min over j >= k of p_(j) * m / j:
    // walk from the largest down, keeping the running minimum.
    std::vector<double> adjusted(m);
    double running = 1.0;
    for (std::size_t k = m; k-- > 0;) {
        std::size_t i = order[k];
        running = std::min(running, p_values[i] * static_cast<double>(m) / static_cast<double>(k + 1));
        adjusted[i] = std::min(1.0, running);
    }
    return adjusted;
}

std::vector<double> bonferroni(const std::vector<double>& p_values) {
    std::vector<double> adjusted;
    adjusted.reserve(p_values.size());
    for (double p : p_values) adjusted.push_back(std::min(1.0, p * static_cast<double>(p_values.size())));
    return adjusted;
}

double chi_square_p(double statistic, double df) {
    if (df <= 0) return 1.0;
    if (!(statistic > 0)) return 1.0;
    if (!std::isfinite(statistic)) return 0.0;
    // P(X >= s) for X ~ chi-square(df) is Q(df/2, s/2).
    return boost::math::gamma_q(df / 2, statistic / 2);
}

GoodnessOfFit chi_square_goodness_of_fit(const std::vector<double>& observed,
                                         const std::vector<double>& expected_shares) {
    GoodnessOfFit fit;
    const std::size_t n = std::min(observed.size(), expected_shares.size());
    double share_total = 0, observed_total = 0;
    std::size_t categories = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(expected_shares[i] > 0)) continue;
        share_total += expected_shares[i];
        observed_total += observed[i];
        ++categories;
    }
    if (categories < 2 || share_total <= 0 || observed_total <= 0) return fit;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(expected_shares[i] > 0)) continue;
        double expected = observed_total * expected_shares[i] / share_total;
        double difference = observed[i] - expected;
        fit.statistic += difference * difference / expected;
    }
    fit.df = static_cast<double>(categories - 1);
    fit.p = chi_square_p(fit.statistic, fit.df);
    return fit;
}

}  // namespace yousaid::stats
