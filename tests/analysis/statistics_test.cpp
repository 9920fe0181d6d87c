// The statistics behind cross-tabs and reach, against values worked by hand
// (each worked out in the comment beside it) or from published tables.
#include <doctest/doctest.h>

#include <cmath>

#include "analysis/statistics.h"

using namespace yousaid::stats;

TEST_CASE("normal two-sided p-values match the standard normal table") {
    // Critical values of N(0,1) as printed in any table (e.g. NIST/SEMATECH
    // e-Handbook of Statistical Methods, 1.3.6.7.1): 1.959964 leaves 2.5% in
    // each tail, 2.575829 leaves 0.5%, 3.290527 leaves 0.05%.
    CHECK(normal_two_sided_p(1.959964) == doctest::Approx(0.05).epsilon(1e-5));
    CHECK(normal_two_sided_p(-1.959964) == doctest::Approx(0.05).epsilon(1e-5));
    CHECK(normal_two_sided_p(2.575829) == doctest::Approx(0.01).epsilon(1e-5));
    CHECK(normal_two_sided_p(3.290527) == doctest::Approx(0.001).epsilon(1e-5));
    CHECK(normal_two_sided_p(0) == doctest::Approx(1.0));
    // Far in the tail erfc keeps its precision: P(|Z| >= 8) = 1.244e-15.
    CHECK(normal_two_sided_p(8) == doctest::Approx(1.2442e-15).epsilon(1e-3));
}

TEST_CASE("two-proportion z-test, worked by hand") {
    // 60 of 100 against 20 of 100.
    //   pooled p = (60 + 20) / (100 + 100) = 0.4
    //   se = sqrt(0.4 * 0.6 * (1/100 + 1/100)) = sqrt(0.0048) = 0.0692820
    //   z = (0.6 - 0.2) / 0.0692820 = 5.773503
    CHECK(two_proportion_z(60, 100, 20, 100) == doctest::Approx(5.773503).epsilon(1e-6));
    CHECK(two_proportion_z(20, 100, 60, 100) == doctest::Approx(-5.773503).epsilon(1e-6));

    // 45 of 100 against 30 of 100.
    //   pooled p = 75 / 200 = 0.375
    //   se = sqrt(0.375 * 0.625 * 0.02) = sqrt(0.0046875) = 0.0684653
    //   z = 0.15 / 0.0684653 = 2.190890, two-sided p = 0.028459
    double z = two_proportion_z(45, 100, 30, 100);
    CHECK(z == doctest::Approx(2.190890).epsilon(1e-6));
    CHECK(normal_two_sided_p(z) == doctest::Approx(0.028459).epsilon(1e-4));

    // Unequal bases, 12 of 40 against 48 of 360.
    //   pooled p = 60 / 400 = 0.15
    //   se = sqrt(0.15 * 0.85 * (1/40 + 1/360)) = sqrt(0.1275 * 0.0277778) = sqrt(0.00354167) = 0.0595119
    //   z = (0.3 - 0.1333333) / 0.0595119 = 2.800560
    CHECK(two_proportion_z(12, 40, 48, 360) == doctest::Approx(2.800560).epsilon(1e-6));

    // Nothing to compare: an empty base, or a pooled proportion of 0 or 1.
    CHECK(two_proportion_z(0, 0, 5, 10) == 0);
    CHECK(two_proportion_z(0, 10, 0, 10) == 0);
    CHECK(two_proportion_z(10, 10, 10, 10) == 0);
}

TEST_CASE("Benjamini-Hochberg, worked ranks") {
    // p = 0.01, 0.04, 0.03, 0.005 (m = 4). Sorted with ranks:
    //   0.005 (1) -> 0.005 * 4/1 = 0.02
    //   0.01  (2) -> 0.01  * 4/2 = 0.02
    //   0.03  (3) -> 0.03  * 4/3 = 0.04
    //   0.04  (4) -> 0.04  * 4/4 = 0.04
    // then each is the minimum of itself and every larger rank's (all already
    // increasing), returned in the input's order.
    std::vector<double> adjusted = benjamini_hochberg({0.01, 0.04, 0.03, 0.005});
    REQUIRE(adjusted.size() == 4);
    CHECK(adjusted[0] == doctest::Approx(0.02));
    CHECK(adjusted[1] == doctest::Approx(0.04));
    CHECK(adjusted[2] == doctest::Approx(0.04));
    CHECK(adjusted[3] == doctest::Approx(0.02));

    // The step-up minimum matters: p = 0.01, 0.02, 0.03, 0.04, 0.05 gives
    // 0.05, 0.05, 0.05, 0.05, 0.05 (0.01 * 5/1 = 0.05 ... 0.05 * 5/5 = 0.05), and
    // p = 0.04, 0.041 gives 0.041 * 2/2 = 0.041 for both (0.04 * 2 = 0.08 is
    // lowered to the larger rank's 0.041).
    for (double p : benjamini_hochberg({0.01, 0.02, 0.03, 0.04, 0.05})) CHECK(p == doctest::Approx(0.05));
    std::vector<double> two = benjamini_hochberg({0.041, 0.04});
    CHECK(two[0] == doctest::Approx(0.041));
    CHECK(two[1] == doctest::Approx(0.041));

    // Published example: the 25 dietary variables of García-Arenzana et al.
    // (2014), as worked in McDonald, Handbook of Biological Statistics (3rd ed.,
    // "Multiple comparisons"): at a false discovery rate of 0.25 the first five
    // are significant, 0.042 being below its critical value (5/25) * 0.25 = 0.05.
    // Its adjusted p is 0.042 * 25/5 = 0.21; the sixth, 0.060, gets
    // min(0.060 * 25/6, 0.074 * 25/7, ...) = 0.25 (0.060 * 25/6 = 0.25).
    std::vector<double> diet = {0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212,
                                0.216, 0.222, 0.251, 0.269, 0.275, 0.34,  0.341, 0.384, 0.569,
                                0.594, 0.696, 0.762, 0.94,  0.942, 0.975, 0.986};
    std::vector<double> diet_adjusted = benjamini_hochberg(diet);
    int significant = 0;
    for (double p : diet_adjusted) significant += p < 0.25 - 1e-12;  // 0.060 sits on the line: not below it
    CHECK(significant == 5);
    CHECK(diet_adjusted[4] == doctest::Approx(0.21));
    CHECK(diet_adjusted[5] == doctest::Approx(0.25));
    CHECK(diet_adjusted[0] == doctest::Approx(0.025));  // 0.001 * 25 = 0.025 < 0.008 * 25/2 = 0.1
    CHECK(diet_adjusted[24] == doctest::Approx(0.986));

    CHECK(benjamini_hochberg({}).empty());
}

TEST_CASE("Bonferroni multiplies by the number of tests, capped at 1") {
    std::vector<double> adjusted = bonferroni({0.01, 0.04, 0.3});
    CHECK(adjusted[0] == doctest::Approx(0.03));
    CHECK(adjusted[1] == doctest::Approx(0.12));
    CHECK(adjusted[2] == doctest::Approx(0.9));
    CHECK(bonferroni({0.5, 0.6})[1] == 1.0);
}

TEST_CASE("chi-square upper tail matches the critical values table") {
    // Critical values at 5% and 1% (NIST/SEMATECH e-Handbook, 1.3.6.7.4).
    CHECK(chi_square_p(3.841, 1) == doctest::Approx(0.05).epsilon(1e-3));
    CHECK(chi_square_p(6.635, 1) == doctest::Approx(0.01).epsilon(1e-3));
    CHECK(chi_square_p(11.345, 3) == doctest::Approx(0.01).epsilon(1e-3));
    CHECK(chi_square_p(18.307, 10) == doctest::Approx(0.05).epsilon(1e-3));
    // With 2 degrees of freedom the tail is exp(-x/2): exp(-5.991/2) = 0.050015.
    CHECK(chi_square_p(5.991, 2) == doctest::Approx(std::exp(-5.991 / 2)).epsilon(1e-9));
    CHECK(chi_square_p(5.991, 2) == doctest::Approx(0.05).epsilon(1e-3));
    CHECK(chi_square_p(0, 3) == 1.0);
}

TEST_CASE("chi-square goodness of fit: Mendel's peas against 9:3:3:1") {
    // Mendel (1866): 315 round yellow, 108 round green, 101 wrinkled yellow,
    // 32 wrinkled green (556 peas), expected 9:3:3:1, i.e.
    // 312.75, 104.25, 104.25, 34.75:
    //   2.25^2/312.75 + 3.75^2/104.25 + 3.25^2/104.25 + 2.75^2/34.75
    //   = 0.016187 + 0.134892 + 0.101319 + 0.217626 = 0.470024, df 3, p = 0.9254
    // (the textbook figures: chi-square 0.47, p about 0.925).
    GoodnessOfFit fit = chi_square_goodness_of_fit({315, 108, 101, 32}, {9, 3, 3, 1});
    CHECK(fit.statistic == doctest::Approx(0.470024).epsilon(1e-5));
    CHECK(fit.df == 3);
    CHECK(fit.p == doctest::Approx(0.9254).epsilon(1e-3));

    // Shares as fractions or percentages give the same; a category with no
    // expected share is left out (and so is its degree of freedom).
    GoodnessOfFit percent = chi_square_goodness_of_fit({315, 108, 101, 32, 7}, {56.25, 18.75, 18.75, 6.25, 0});
    CHECK(percent.statistic == doctest::Approx(fit.statistic));
    CHECK(percent.df == 3);

    // 60 and 40 against an even split: (10^2 + 10^2) / 50 = 4, df 1, p = 0.0455.
    GoodnessOfFit coin = chi_square_goodness_of_fit({60, 40}, {0.5, 0.5});
    CHECK(coin.statistic == doctest::Approx(4.0));
    CHECK(coin.p == doctest::Approx(0.0455).epsilon(1e-3));
}
