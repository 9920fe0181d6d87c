#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/decision_rules.h"
#include "analysis/feature_index.h"
#include "analysis/text_features.h"
#include "analysis/text_model.h"
#include "tests/test_support.h"

using namespace yousaid;
using yousaid::testing::read_file;
using yousaid::testing::TempDir;

namespace {

// Short feedback about three subjects, each in many wordings; deterministic.
struct Examples {
    std::vector<std::string> texts;
    std::vector<std::vector<std::string>> labels;
};

const std::vector<std::pair<std::string, std::vector<std::string>>> kSubjects = {
    {"parking", {"the car park was full", "parking costs too much", "no spaces to park the car",
                 "paid four pounds for parking", "drove round the car park for ages"}},
    {"staff", {"the nurse was so kind", "staff were caring and friendly", "the doctor listened to me",
               "lovely receptionist who helped", "nurses treated me with respect"}},
    {"waiting", {"waited three hours to be seen", "the wait for an appointment was weeks",
                 "long queue in the waiting room", "kept waiting far too long", "delays before anyone saw me"}},
};
const std::vector<std::string> kOpenings = {"", "Honestly ", "On Tuesday ", "Sadly ", "As usual ", "I thought "};
const std::vector<std::string> kEndings = {".", " again.", " this time.", ", which says a lot.", "!", " as ever."};

Examples single_label(std::size_t per_subject_offset = 0) {
    Examples e;
    for (const auto& [label, phrases] : kSubjects) {
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            for (std::size_t j = 0; j < kOpenings.size(); ++j) {
                e.texts.push_back(kOpenings[j] + phrases[i] + kEndings[(i + j + per_subject_offset) % kEndings.size()]);
                e.labels.push_back({label});
            }
        }
    }
    return e;
}

// Each text about one or two subjects.
Examples multi_label() {
    Examples e = single_label();
    const std::size_t n = e.texts.size();
    for (std::size_t i = 0; i < n; i += 3) {
        const std::size_t other = (i * 7 + 31) % n;
        if (e.labels[other] == e.labels[i]) continue;
        e.texts.push_back(e.texts[i] + " Also " + e.texts[other]);
        e.labels.push_back({e.labels[i][0], e.labels[other][0]});
    }
    return e;
}

std::vector<std::string> predicted_labels(const TextModel& model, const std::string& text) {
    std::vector<std::string> out;
    for (const LabelScore& s : model.predict(text)) out.push_back(s.label);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("features are case-folded word n-grams and padded character n-grams") {
    FeatureSettings words;
    words.char_max = 0;
    CHECK(feature_hashes("the cat", words).size() == 3);  // the, cat, "the cat"
    FeatureSettings characters;
    characters.word_max = 0;
    // " cat " has 4 bigrams, 3 trigrams, 2 four-grams and 1 five-gram.
    CHECK(feature_hashes("cat", characters).size() == 10);
    CHECK(feature_hashes("CAT", characters) == feature_hashes("cat", characters));
    CHECK(feature_hashes("Straße", words) == feature_hashes("STRASSE", words));
    CHECK(feature_hashes("cat dog", words) != feature_hashes("dog cat", words));
    CHECK(feature_hashes("...", words).empty());
}

TEST_CASE("words after a negation, to the end of their clause, are other words") {
    FeatureSettings marked;
    marked.word_max = 1;
    marked.char_max = 0;
    marked.mark_negation = true;
    FeatureSettings plain = marked;
    plain.mark_negation = false;
    const std::uint64_t helpful = feature_hashes("helpful", marked).at(0);
    const std::vector<std::uint64_t> not_helpful = feature_hashes("not helpful", marked);
    REQUIRE(not_helpful.size() == 2);
    CHECK(not_helpful[0] == feature_hashes("not", marked).at(0));  // the negation itself is the word
    CHECK(not_helpful[1] != helpful);
    CHECK(feature_hashes("Wasn't helpful", marked).at(1) == not_helpful[1]);
    CHECK(feature_hashes("wasn\u2019t helpful", marked).at(1) == not_helpful[1]);
    CHECK(feature_hashes("never rude or unhelpful", marked).at(3) == feature_hashes("no unhelpful", marked).at(1));
    // A clause's end ends the negation: "helpful" after the comma is itself.
    CHECK(feature_hashes("not rude, helpful", marked).at(2) == helpful);
    CHECK(feature_hashes("not rude\nhelpful", marked).at(2) == helpful);
    CHECK(feature_hashes("not rude and helpful", marked).at(3) != helpful);
    // Unmarked, a negation changes nothing.
    CHECK(feature_hashes("not helpful", plain).at(1) == feature_hashes("helpful", plain).at(0));
}

TEST_CASE("tf-idf vectors are L2-normalised and ignore unseen features") {
    TfidfVectoriser v(FeatureSettings{1, 1, 2, 5, 1, true});
    std::vector<SparseVector> rows = v.fit_transform({"parking parking car", "kind nurse"});
    double norm = 0;
    for (float x : rows[0].value) norm += x * x;
    CHECK(norm == doctest::Approx(1.0));
    CHECK(v.transform("zebra").index.empty());
    CHECK(std::is_sorted(rows[0].index.begin(), rows[0].index.end()));
    // A text transformed later has the same features and weights, in the order first met.
    auto pairs = [](const SparseVector& x) {
        std::vector<std::pair<std::uint32_t, float>> out;
        for (std::size_t i = 0; i < x.index.size(); ++i) out.emplace_back(x.index[i], x.value[i]);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(pairs(v.transform("parking parking car")) == pairs(rows[0]));
}

TEST_CASE("a feature's weight follows its count in the text, counted afresh for each text") {
    TfidfVectoriser v(FeatureSettings{1, 1, 0, 0, 1, true});  // words alone
    std::vector<SparseVector> rows = v.fit_transform({"parking parking car", "kind nurse"});
    REQUIRE(rows[0].value.size() == 2);  // parking, car: equal idf, so the ratio is the tf's
    auto ratio = [](const SparseVector& x) {
        return *std::max_element(x.value.begin(), x.value.end()) / *std::min_element(x.value.begin(), x.value.end());
    };
    CHECK(ratio(rows[0]) == doctest::Approx(1 + std::log(2.0)));
    const SparseVector three = v.transform("car car car parking");
    CHECK(ratio(three) == doctest::Approx(1 + std::log(3.0)));
    const SparseVector again = v.transform("car car car parking");
    CHECK(again.index == three.index);
    CHECK(again.value == three.value);
}

TEST_CASE("a feature index finds each hash it was built with, past colliding slots, and no other") {
    // Hashes sharing their low bits all want one slot of the table.
    std::vector<std::uint64_t> hashes;
    for (std::uint64_t i = 0; i < 40; ++i) hashes.push_back((i + 1) << 32 | 7);
    hashes.push_back(0);
    const FeatureIndex index(hashes);
    for (std::uint32_t i = 0; i < hashes.size(); ++i) CHECK(index.find(hashes[i]) == i);
    CHECK(index.find(41ULL << 32 | 7) == FeatureIndex::kAbsent);
    CHECK(index.find(8) == FeatureIndex::kAbsent);
    CHECK(FeatureIndex().find(7) == FeatureIndex::kAbsent);
    CHECK(FeatureIndex(std::vector<std::uint64_t>{}).find(0) == FeatureIndex::kAbsent);
}

TEST_CASE("the threshold maximises F1 between neighbouring scores") {
    // Scores 0.9 0.8 0.4 0.3 -0.5 with truth T T F T F: the best cut keeps the top four (F1 6/7).
    CHECK(best_threshold({0.9, 0.8, 0.4, 0.3, -0.5}, {true, true, false, true, false}) == doctest::Approx(-0.1));
    // Only the top two true: cut between 0.8 and 0.4.
    CHECK(best_threshold({0.9, 0.8, 0.4, 0.3}, {true, true, false, false}) == doctest::Approx(0.6));
    // No row true: above every score, so the label is never predicted.
    CHECK(best_threshold({0.2, 0.1}, {false, false}) > 0.2);
}

TEST_CASE("offsets lift a label the scores under-predict, and only when macro-F1 rises") {
    // Label 1 is true for the last two rows but its scores sit just under label 0's.
    std::vector<std::vector<double>> score = {{1.0, 0.0}, {1.0, 0.2}, {1.0, 0.8}, {1.0, 0.9}};
    std::vector<std::size_t> truth = {0, 0, 1, 1};
    CHECK(macro_f1(score, truth, {0, 0}) == doctest::Approx((2.0 / 3 + 0) / 2));
    std::vector<double> offset = best_offsets(score, truth, 2);
    CHECK(macro_f1(score, truth, offset) == doctest::Approx(1.0));
    CHECK(offset[1] - offset[0] > 0.2);
    CHECK(offset[1] - offset[0] < 0.8);
}

TEST_CASE("a single-label model learns its labels, deterministically") {
    Examples train = single_label();
    TextModel model = TextModel::train(train.texts, train.labels, TextModelSettings::standard(false));
    CHECK(model.labels() == std::vector<std::string>{"parking", "staff", "waiting"});
    CHECK_FALSE(model.multi_label());
    CHECK(predicted_labels(model, "There was nowhere to park the car") == std::vector<std::string>{"parking"});
    CHECK(predicted_labels(model, "The nurses were kind to my mum") == std::vector<std::string>{"staff"});
    CHECK(predicted_labels(model, "We waited hours for an appointment") == std::vector<std::string>{"waiting"});
    std::vector<LabelScore> one = model.predict("the nurse was so kind");
    REQUIRE(one.size() == 1);
    CHECK(one[0].confidence > 0.5);
    CHECK(one[0].confidence <= 1.0);

    TempDir dir;
    model.save(dir.path("a.model"));
    TextModel::train(train.texts, train.labels, TextModelSettings::standard(false)).save(dir.path("b.model"));
    CHECK(read_file(dir.path("a.model")) == read_file(dir.path("b.model")));
    CHECK(read_file(dir.path("a.model")).rfind("yousaid-model 2\n", 0) == 0);
}

TEST_CASE("a multi-label model gives each text every label it holds, and at least one") {
    Examples train = multi_label();
    TextModel model = TextModel::train(train.texts, train.labels, TextModelSettings::standard(true));
    CHECK(model.multi_label());
    CHECK(predicted_labels(model, "The car park was full and then I waited three hours to be seen") ==
          std::vector<std::string>{"parking", "waiting"});
    CHECK(predicted_labels(model, "staff were caring and friendly") == std::vector<std::string>{"staff"});
    CHECK(model.predict("xyzzy plugh").size() == 1);
}

TEST_CASE("a label with one example is learned but never given by its threshold") {
    // Cross-validation scores the fold holding the one example with a model
    // that never saw the label: whatever threshold that gives says nothing.
    Examples train = multi_label();
    train.texts.push_back("my umbrella went missing from the ward");
    train.labels.push_back({"lost property"});
    TextModel model = TextModel::train(train.texts, train.labels, TextModelSettings::standard(true));
    CHECK(std::count(model.labels().begin(), model.labels().end(), "lost property") == 1);
    int given = 0;
    for (const std::string& text : multi_label().texts) {
        const std::vector<std::string> labels = predicted_labels(model, text);
        given += std::count(labels.begin(), labels.end(), "lost property");
    }
    CHECK(given == 0);
    CHECK(predicted_labels(model, "the car park was full") == std::vector<std::string>{"parking"});
}

TEST_CASE("a saved model predicts as the trained one; a wrong file is refused by name") {
    Examples train = multi_label();
    TextModel model = TextModel::train(train.texts, train.labels, TextModelSettings::standard(true));
    TempDir dir;
    model.save(dir.path("m"));
    TextModel loaded = TextModel::load(dir.path("m"));
    CHECK(loaded.labels() == model.labels());
    for (const char* text : {"parking costs too much", "the doctor listened", "waited and waited at the car park"}) {
        CHECK(loaded.scores(text) == model.scores(text));
    }
    const std::string other = dir.write("other", "not a model\n");
    CHECK_THROWS_WITH(TextModel::load(other), (other + ": not a yousaid model").c_str());
    const std::string future = dir.write("future", "yousaid-model 99\n");
    CHECK_THROWS_WITH(TextModel::load(future),
                      (future + ": a version 99 model; this yousaid reads versions 1 to 2 (train it again)").c_str());
    std::string bytes = read_file(dir.path("m"));
    const std::string cut = dir.write("cut", bytes.substr(0, bytes.size() / 2));
    CHECK_THROWS_WITH(TextModel::load(cut), (cut + ": the model file is cut short").c_str());
}

TEST_CASE("polarity models are recognised by their labels") {
    std::vector<std::string> texts = {"great", "lovely", "awful", "terrible", "fine but slow", "ok and not ok"};
    std::vector<std::vector<std::string>> polarity = {{"positive"}, {"positive"}, {"negative"}, {"negative"}, {"mixed"}, {"mixed"}};
    TextModelSettings settings = TextModelSettings::standard(false);
    settings.folds = 0;
    CHECK(is_polarity_model(TextModel::train(texts, polarity, settings)));
    std::vector<std::vector<std::string>> themes = {{"staff"}, {"staff"}, {"access"}, {"access"}, {"mixed"}, {"mixed"}};
    CHECK_FALSE(is_polarity_model(TextModel::train(texts, themes, settings)));
    CHECK_THROWS_AS(TextModel::train({"a", "b"}, {{"x"}, {"x"}}, settings), std::invalid_argument);
}

TEST_CASE("a text's clauses end at punctuation and at but, however, although, though and except") {
    using Clauses = std::vector<std::string>;
    CHECK(clauses_of("Staff were kind, but the wait was long.") == Clauses{"Staff were kind", "the wait was long"});
    CHECK(clauses_of("Good care BUT poor food; parking\nawful") == Clauses{"Good care", "poor food", "parking", "awful"});
    CHECK(clauses_of("Butter and a doubtful thought") == Clauses{"Butter and a doubtful thought"});
    CHECK(clauses_of("Café staff, lovely. No") == Clauses{"Café staff", "lovely"});  // "No" is too short
    CHECK(clauses_of("OK.") == Clauses{"OK."});  // no clause left: the whole text
}

namespace {

// Praise, complaint, and the two in one text.
Examples polarity_examples() {
    const std::vector<std::string> praise = {"the nurses were kind", "lovely clean ward", "the doctor explained everything",
                                             "quick and friendly service", "staff were helpful"};
    const std::vector<std::string> complaint = {"the wait was far too long", "rude receptionist", "dirty toilets",
                                                "nobody answered the phone", "parking was impossible"};
    Examples e;
    for (std::size_t i = 0; i < praise.size(); ++i) {
        for (std::size_t j = 0; j < kOpenings.size(); ++j) {
            e.texts.push_back(kOpenings[j] + praise[i] + kEndings[(i + j) % kEndings.size()]);
            e.labels.push_back({"positive"});
            e.texts.push_back(kOpenings[j] + complaint[i] + kEndings[(i + j + 1) % kEndings.size()]);
            e.labels.push_back({"negative"});
            const std::size_t other = (i + j) % complaint.size();
            e.texts.push_back(kOpenings[j] + praise[i] + ", but " + complaint[other] + ".");
            e.labels.push_back({"mixed"});
        }
    }
    return e;
}

}  // namespace

TEST_CASE("a stacked polarity model tells praise, complaint and both; it saves and loads as trained") {
    const Examples train = polarity_examples();
    const TextModelSettings settings = TextModelSettings::standard(false, true);
    REQUIRE(settings.stack);
    REQUIRE(settings.views.at(0).features.mark_negation);
    const TextModel model = TextModel::train(train.texts, train.labels, settings);
    CHECK(predicted_labels(model, "Sadly the staff were helpful!") == std::vector<std::string>{"positive"});
    CHECK(predicted_labels(model, "dirty toilets again.") == std::vector<std::string>{"negative"});
    CHECK(predicted_labels(model, "lovely clean ward, but rude receptionist.") == std::vector<std::string>{"mixed"});

    TempDir dir;
    model.save(dir.path("a.model"));
    TextModel::train(train.texts, train.labels, settings).save(dir.path("b.model"));
    CHECK(read_file(dir.path("a.model")) == read_file(dir.path("b.model")));
    const TextModel loaded = TextModel::load(dir.path("a.model"));
    for (const char* text : {"staff were helpful", "nobody answered, but the doctor explained everything", "hm"}) {
        const std::vector<double> a = model.scores(text), b = loaded.scores(text);
        REQUIRE(a.size() == b.size());
        for (std::size_t j = 0; j < a.size(); ++j) CHECK(b[j] == doctest::Approx(a[j]).epsilon(1e-6));
    }
}
