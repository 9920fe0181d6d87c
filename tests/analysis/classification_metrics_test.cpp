#include <doctest/doctest.h>

#include <stdexcept>

#include "analysis/classification_metrics.h"

using namespace yousaid;

namespace {

const LabelScores& label(const ClassificationScores& s, const std::string& name) {
    for (const LabelScores& l : s.per_label) {
        if (l.label == name) return l;
    }
    FAIL("no label " << name);
    throw;
}

}  // namespace

// Hand calculation (checked against scikit-learn 1.2's f1_score and cohen_kappa_score):
//   truth  [a]  [a,b]  [b]    []
//   pred   [a]  [a]    [a,b]  [b]
// a: TP 2 FP 1 FN 0 TN 1 -> P 2/3, R 1, F1 4/5; po 3/4, pe (3*2 + 1*2)/16 = 1/2, kappa 1/2
// b: TP 1 FP 1 FN 1 TN 1 -> P 1/2, R 1/2, F1 1/2; po 1/2, pe (2*2 + 2*2)/16 = 1/2, kappa 0
// micro-F1 = 2*3 / (2*3 + 2 + 1) = 2/3; macro-F1 = (4/5 + 1/2) / 2 = 0.65; exact match 1/4
TEST_CASE("multi-label scores match a hand calculation") {
    ClassificationScores s = score_classification({{"a"}, {"a", "b"}, {"b"}, {}}, {{"a"}, {"a"}, {"b", "a"}, {"b"}}, false);
    CHECK(s.rows == 4);
    const LabelScores& a = label(s, "a");
    CHECK(a.true_positives == 2);
    CHECK(a.false_positives == 1);
    CHECK(a.false_negatives == 0);
    CHECK(a.true_negatives == 1);
    CHECK(a.precision == doctest::Approx(2.0 / 3));
    CHECK(a.recall == doctest::Approx(1.0));
    CHECK(a.f1 == doctest::Approx(0.8));
    CHECK(a.support == 2);
    CHECK(a.kappa == doctest::Approx(0.5));
    const LabelScores& b = label(s, "b");
    CHECK(b.precision == doctest::Approx(0.5));
    CHECK(b.recall == doctest::Approx(0.5));
    CHECK(b.f1 == doctest::Approx(0.5));
    CHECK(b.kappa == doctest::Approx(0.0));
    CHECK(s.micro_f1 == doctest::Approx(2.0 / 3));
    CHECK(s.macro_f1 == doctest::Approx(0.65));
    CHECK(s.exact_match == doctest::Approx(0.25));
}

// truth x x y y z, predicted x y y y x:
// x: TP 1 FP 1 FN 1 -> F1 1/2; y: TP 2 FP 1 -> F1 4/5; z: FN 1, never predicted -> F1 0
// accuracy 3/5; macro-F1 (0.5 + 0.8 + 0) / 3 = 0.4333; micro-F1 = accuracy = 0.6
// kappa: po 3/5; truth totals x2 y2 z1, predicted x2 y3 z0; pe (4 + 6 + 0)/25 = 2/5; kappa (0.6-0.4)/0.6 = 1/3
TEST_CASE("single-label scores match a hand calculation") {
    ClassificationScores s =
        score_classification({{"x"}, {"x"}, {"y"}, {"y"}, {"z"}}, {{"x"}, {"y"}, {"y"}, {"y"}, {"x"}}, true);
    CHECK(s.accuracy == doctest::Approx(0.6));
    CHECK(s.micro_f1 == doctest::Approx(0.6));
    CHECK(s.macro_f1 == doctest::Approx(1.3 / 3));
    CHECK(s.kappa == doctest::Approx(1.0 / 3));
    CHECK(label(s, "z").f1 == 0);
    CHECK(label(s, "z").precision == 0);
    CHECK(label(s, "z").support == 1);
    CHECK(label(s, "y").f1 == doctest::Approx(0.8));
}

TEST_CASE("macro-F1 leaves out labels with no support, which count only as false positives") {
    // "c" is predicted once but never true: it lowers micro-F1 and precision elsewhere, not the macro mean's divisor.
    ClassificationScores s = score_classification({{"a"}, {"b"}}, {{"a"}, {"c"}}, true);
    CHECK(s.per_label.size() == 3);
    CHECK(s.macro_f1 == doctest::Approx(0.5));  // (1 + 0) / 2
    CHECK(s.micro_f1 == doctest::Approx(0.5));
}

TEST_CASE("truth and predictions must line up") {
    CHECK_THROWS_AS(score_classification({{"a"}}, {}, true), std::invalid_argument);
}
