#include "analysis/text_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>

#include "analysis/binary_io.h"
#include "analysis/decision_rules.h"
#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

constexpr const char* kMagic = "yousaid-model";

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

template <typename T>
std::vector<T> pick(const std::vector<T>& all, const std::vector<std::size_t>& which) {
    std::vector<T> out;
    out.reserve(which.size());
    for (std::size_t i : which) out.push_back(all[i]);
    return out;
}

// Fold of each row: shuffled by `seed`, then dealt in turn within each first
// label, so every fold holds about the same share of each label.
std::vector<int> deal_folds(const std::vector<std::vector<std::size_t>>& codes, int folds, std::uint64_t seed) {
    std::vector<std::size_t> order(codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    auto first = [&](std::size_t i) { return codes[i].empty() ? SIZE_MAX : codes[i][0]; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return first(a) < first(b); });
    std::vector<int> fold(codes.size());
    for (std::size_t r = 0; r < order.size(); ++r) fold[order[r]] = static_cast<int>(r % folds);
    return fold;
}

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_';
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

constexpr int kStackFolds = 5;

}  // namespace

std::vector<std::string> clauses_of(const std::string& text) {
    static const std::vector<std::string> joins = {"but", "however", "although", "though", "except"};
    std::vector<std::string> out;
    std::string current;
    auto close = [&] {
        std::string clause = trimmed(current);
        if (clause.size() > 2) out.push_back(std::move(clause));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n') {
            close();
            ++i;
        } else if (is_word_byte(c)) {
            std::size_t end = i;
            while (end < text.size() && is_word_byte(text[end])) ++end;
            std::string word = text.substr(i, end - i);
            std::string lower = word;
            for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (std::find(joins.begin(), joins.end(), lower) != joins.end()) {
                close();
            } else {
                current += word;
            }
            i = end;
        } else {
            current += c;
            ++i;
        }
    }
    close();
    if (out.empty()) out.push_back(text);
    return out;
}

TextModelSettings TextModelSettings::standard(bool multi_label, bool polarity) {
    TextModelSettings s;
    s.multi_label = multi_label;
    ViewSettings words;
    words.features.word_max = 2;
    words.features.char_max = 0;
    words.features.mark_negation = polarity;
    words.linear.balanced = true;
    ViewSettings characters;
    characters.features.word_max = 0;
    characters.features.char_min = 2;
    characters.features.char_max = 5;
    characters.linear.balanced = true;
    characters.linear.C = 0.5;
    s.views = {words, characters};
    s.stack = polarity;
    return s;
}

void TextModel::View::add_scores(const SparseVector& x, double scale, std::vector<double>& out) const {
    const std::size_t k = biases.size();
    std::vector<double> sum(biases.begin(), biases.end());
    constexpr std::size_t kAhead = 8;  // rows are scattered over the table: start loading them early
    for (std::size_t i = 0; i < std::min(kAhead, x.index.size()); ++i) {
        __builtin_prefetch(&weights[static_cast<std::size_t>(x.index[i]) * k]);
    }
    for (std::size_t i = 0; i < x.index.size(); ++i) {
        if (i + kAhead < x.index.size()) __builtin_prefetch(&weights[static_cast<std::size_t>(x.index[i + kAhead]) * k]);
        const float* w = &weights[static_cast<std::size_t>(x.index[i]) * k];
        const double v = x.value[i];
        for (std::size_t j = 0; j < k; ++j) sum[j] += w[j] * v;
    }
    for (std::size_t j = 0; j < k; ++j) out[j] += scale * sum[j];
}

std::vector<double> TextModel::stack_inputs(const std::vector<View>& views, const std::string& text) {
    const std::size_t k = views.front().biases.size();
    std::vector<double> inputs;
    inputs.reserve((views.size() + 2) * k);
    for (const View& view : views) {
        std::vector<double> s(k, 0.0);
        view.add_scores(view.vectoriser.transform(text), 1.0, s);
        inputs.insert(inputs.end(), s.begin(), s.end());
    }
    std::vector<double> high(k, -std::numeric_limits<double>::infinity()), low(k, std::numeric_limits<double>::infinity());
    const View& first = views.front();
    for (const std::string& clause : clauses_of(text)) {
        std::vector<double> s(k, 0.0);
        first.add_scores(first.vectoriser.transform(clause), 1.0, s);
        for (std::size_t j = 0; j < k; ++j) {
            high[j] = std::max(high[j], s[j]);
            low[j] = std::min(low[j], s[j]);
        }
    }
    inputs.insert(inputs.end(), high.begin(), high.end());
    inputs.insert(inputs.end(), low.begin(), low.end());
    return inputs;
}

namespace {

SparseVector standardised(const std::vector<double>& inputs, const std::vector<double>& mean,
                          const std::vector<double>& scale) {
    SparseVector x;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        x.index.push_back(static_cast<std::uint32_t>(f));
        x.value.push_back(static_cast<float>((inputs[f] - mean[f]) / scale[f]));
    }
    return x;
}

}  // namespace

std::vector<double> TextModel::Stacker::scores(const std::vector<double>& inputs) const {
    const SparseVector x = standardised(inputs, mean, scale);
    std::vector<double> out;
    for (const LinearScorer& scorer : by_label) out.push_back(scorer.score(x));
    return out;
}

TextModel::Stacker TextModel::Stacker::fit(const std::vector<std::vector<double>>& inputs,
                                           const std::vector<std::size_t>& truth, std::size_t labels) {
    Stacker stacker;
    const std::size_t n = inputs.size(), d = inputs.front().size();
    stacker.mean.assign(d, 0.0);
    stacker.scale.assign(d, 0.0);
    for (const auto& row : inputs) {
        for (std::size_t f = 0; f < d; ++f) stacker.mean[f] += row[f] / static_cast<double>(n);
    }
    for (const auto& row : inputs) {
        for (std::size_t f = 0; f < d; ++f) stacker.scale[f] += std::pow(row[f] - stacker.mean[f], 2) / static_cast<double>(n);
    }
    for (double& s : stacker.scale) s = std::sqrt(s) + 1e-9;
    std::vector<SparseVector> rows;
    for (const auto& row : inputs) rows.push_back(standardised(row, stacker.mean, stacker.scale));
    std::vector<std::vector<bool>> targets(labels, std::vector<bool>(n, false));
    for (std::size_t i = 0; i < n; ++i) targets[truth[i]][i] = true;
    LinearSettings settings;
    settings.loss = LinearLoss::logistic;
    stacker.by_label = LinearProblem(rows, d).train_all(targets, settings);
    return stacker;
}

TextModel::View TextModel::fit_view(const ViewSettings& settings, const std::vector<std::string>& texts,
                                    const std::vector<std::vector<bool>>& targets, unsigned threads) {
    View view;
    view.vectoriser = TfidfVectoriser(settings.features);
    view.weight = settings.weight;
    std::vector<SparseVector> rows = view.vectoriser.fit_transform(texts, threads);
    LinearProblem problem(rows, view.vectoriser.size());
    std::vector<LinearScorer> scorers = problem.train_all(targets, settings.linear);
    const std::size_t k = scorers.size(), features = view.vectoriser.size();
    view.weights.assign(features * k, 0.0f);
    for (std::size_t j = 0; j < k; ++j) {
        view.biases.push_back(scorers[j].bias);
        for (std::size_t f = 0; f < features; ++f) view.weights[f * k + j] = scorers[j].weights[f];
    }
    return view;
}

TextModel TextModel::train(const std::vector<std::string>& texts, const std::vector<std::vector<std::string>>& labels,
                           const TextModelSettings& settings) {
    if (texts.empty() || texts.size() != labels.size()) throw std::invalid_argument("no labelled texts to learn from");
    TextModel model;
    model.multi_label_ = settings.multi_label;
    model.training_texts_ = texts.size();
    std::set<std::string> names;
    for (const auto& row : labels) names.insert(row.begin(), row.end());
    model.labels_.assign(names.begin(), names.end());
    if (!settings.multi_label && model.labels_.size() < 2) {
        throw std::invalid_argument("a single-label model needs at least two labels");
    }
    const std::size_t k = model.labels_.size(), n = texts.size();
    std::vector<std::vector<std::size_t>> codes(n);
    std::vector<std::vector<bool>> targets(k, std::vector<bool>(n, false));
    for (std::size_t i = 0; i < n; ++i) {
        for (const std::string& label : labels[i]) {
            const auto j = static_cast<std::size_t>(
                std::lower_bound(model.labels_.begin(), model.labels_.end(), label) - model.labels_.begin());
            codes[i].push_back(j);
            targets[j][i] = true;
        }
    }
    double weight_sum = 0;
    for (const ViewSettings& v : settings.views) weight_sum += v.weight;

    // Out-of-fold scores, for offsets or thresholds.
    model.cut_.assign(k, 0.0);
    if (settings.folds >= 2 && n >= static_cast<std::size_t>(settings.folds)) {
        std::vector<int> fold = deal_folds(codes, settings.folds, settings.seed);
        const bool stack = settings.stack && !settings.multi_label && !settings.views.empty();
        std::vector<std::vector<double>> oof(n, std::vector<double>(k, 0.0));
        std::vector<std::vector<double>> stack_oof(stack ? n : 0);  // each text's stacking inputs, out of fold
        for (int f = 0; f < settings.folds; ++f) {
            std::vector<std::size_t> in, out;
            for (std::size_t i = 0; i < n; ++i) (fold[i] == f ? out : in).push_back(i);
            std::vector<std::vector<bool>> fold_targets;
            for (const auto& t : targets) fold_targets.push_back(pick(t, in));
            std::vector<std::string> fold_texts = pick(texts, in);
            std::vector<View> fold_views;
            for (const ViewSettings& v : settings.views) {
                View view = fit_view(v, fold_texts, fold_targets, settings.threads);
                for (std::size_t i : out) view.add_scores(view.vectoriser.transform(texts[i]), v.weight / weight_sum, oof[i]);
                if (stack) fold_views.push_back(std::move(view));
            }
            if (stack) {
                for (std::size_t i : out) stack_oof[i] = stack_inputs(fold_views, texts[i]);
            }
        }
        if (settings.multi_label) {
            for (std::size_t j = 0; j < k; ++j) {
                std::vector<double> column(n);
                for (std::size_t i = 0; i < n; ++i) column[i] = oof[i][j];
                // A label with one example: the fold holding it was scored by
                // a model that never saw the label, so its score says nothing,
                // and the cut below that fold's equal scores gave the label to
                // a sixth of all texts (QDC's "Parking"). It is never given by
                // its threshold.
                const bool one_example = std::count(targets[j].begin(), targets[j].end(), true) < 2;
                model.cut_[j] = one_example ? std::numeric_limits<double>::infinity() : best_threshold(column, targets[j]);
            }
        } else {
            std::vector<std::size_t> truth(n);
            for (std::size_t i = 0; i < n; ++i) truth[i] = codes[i].empty() ? 0 : codes[i][0];
            if (stack) {
                // The stacker's offsets, from its own out-of-fold scores.
                const std::vector<int> stack_fold = deal_folds(codes, kStackFolds, settings.seed + 1);
                std::vector<std::vector<double>> stacked(n);
                for (int f = 0; f < kStackFolds; ++f) {
                    std::vector<std::size_t> in, out;
                    for (std::size_t i = 0; i < n; ++i) (stack_fold[i] == f ? out : in).push_back(i);
                    if (in.empty() || out.empty()) continue;
                    const Stacker stacker = Stacker::fit(pick(stack_oof, in), pick(truth, in), k);
                    for (std::size_t i : out) stacked[i] = stacker.scores(stack_oof[i]);
                }
                for (auto& row : stacked) {
                    if (row.empty()) row.assign(k, 0.0);
                }
                model.cut_ = best_offsets(stacked, truth, k);
                model.stacker_ = Stacker::fit(stack_oof, truth, k);
            } else {
                model.cut_ = best_offsets(oof, truth, k);
            }
        }
    }
    for (const ViewSettings& v : settings.views) model.views_.push_back(fit_view(v, texts, targets, settings.threads));
    for (std::size_t i = 0; i < model.views_.size(); ++i) model.views_[i].weight = settings.views[i].weight / weight_sum;
    return model;
}

std::vector<double> TextModel::scores(const std::string& text) const {
    if (stacker_) return stacker_->scores(stack_inputs(views_, text));
    std::vector<double> out(labels_.size(), 0.0);
    for (const View& view : views_) view.add_scores(view.vectoriser.transform(text), view.weight, out);
    return out;
}

std::vector<LabelScore> TextModel::predict(const std::string& text, bool at_least_one) const {
    return decide(scores(text), at_least_one);
}

std::vector<LabelScore> TextModel::decide(const std::vector<double>& score, bool at_least_one) const {
    const std::size_t k = labels_.size();
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), 0);
    // Single label: by score plus offset; multi-label: by margin over the threshold.
    auto adjusted = [&](std::size_t j) { return multi_label_ ? score[j] - cut_[j] : score[j] + cut_[j]; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return adjusted(a) > adjusted(b); });
    std::vector<LabelScore> out;
    if (k == 0) return out;
    if (!multi_label_) {
        const double margin = k > 1 ? adjusted(order[0]) - adjusted(order[1]) : 1.0;
        out.push_back({labels_[order[0]], score[order[0]], logistic(4 * margin)});
        return out;
    }
    for (std::size_t r = 0; r < k; ++r) {
        const std::size_t j = order[r];
        if (adjusted(j) <= 0 && (r > 0 || !at_least_one)) break;
        out.push_back({labels_[j], score[j], logistic(4 * adjusted(j))});
    }
    return out;
}

void TextModel::save(const std::string& path) const {
    using namespace binary_io;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write the model");
    out << kMagic << ' ' << kTextModelVersion << '\n';
    write_value<std::int32_t>(out, multi_label_ ? 1 : 0);
    write_value<std::uint64_t>(out, training_texts_);
    write_value<std::uint64_t>(out, labels_.size());
    for (const std::string& label : labels_) write_string(out, label);
    write_vector(out, cut_);
    write_value<std::uint64_t>(out, views_.size());
    for (const View& view : views_) {
        write_value<double>(out, view.weight);
        view.vectoriser.save(out);
        write_vector(out, view.weights);
        write_vector(out, view.biases);
    }
    write_value<std::int32_t>(out, stacker_ ? 1 : 0);
    if (stacker_) {
        write_vector(out, stacker_->mean);
        write_vector(out, stacker_->scale);
        for (const LinearScorer& scorer : stacker_->by_label) {
            write_vector(out, scorer.weights);
            write_value<float>(out, scorer.bias);
        }
    }
    out.flush();
    if (!out) throw std::runtime_error(path + ": cannot write the model");
}

TextModel TextModel::load(const std::string& path) {
    using namespace binary_io;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read the model");
    std::string magic;
    int version = 0;
    in >> magic >> version;
    if (magic != kMagic || in.get() != '\n') throw std::runtime_error(path + ": not a yousaid model");
    if (version < 1 || version > kTextModelVersion) {
        throw std::runtime_error(path + ": a version " + std::to_string(version) +
                                 " model; this yousaid reads versions 1 to " + std::to_string(kTextModelVersion) +
                                 " (train it again)");
    }
    try {
        TextModel model;
        model.multi_label_ = read_value<std::int32_t>(in) != 0;
        model.training_texts_ = read_value<std::uint64_t>(in);
        const auto k = read_value<std::uint64_t>(in);
        if (k > 100000) throw std::runtime_error("the model file is damaged");
        for (std::uint64_t j = 0; j < k; ++j) model.labels_.push_back(read_string(in));
        model.cut_ = read_vector<double>(in);
        const auto views = read_value<std::uint64_t>(in);
        if (views > 16 || model.cut_.size() != k) throw std::runtime_error("the model file is damaged");
        for (std::uint64_t v = 0; v < views; ++v) {
            View view;
            view.weight = read_value<double>(in);
            view.vectoriser = TfidfVectoriser::load(in, version);
            view.weights = read_vector<float>(in);
            view.biases = read_vector<float>(in);
            if (view.biases.size() != k || view.weights.size() != view.vectoriser.size() * k) {
                throw std::runtime_error("the model file is damaged");
            }
            model.views_.push_back(std::move(view));
        }
        if (version >= 2 && read_value<std::int32_t>(in) != 0) {
            Stacker stacker;
            stacker.mean = read_vector<double>(in);
            stacker.scale = read_vector<double>(in);
            const std::size_t inputs = (views + 2) * k;
            if (model.multi_label_ || views == 0 || stacker.mean.size() != inputs || stacker.scale.size() != inputs) {
                throw std::runtime_error("the model file is damaged");
            }
            for (std::uint64_t j = 0; j < k; ++j) {
                LinearScorer scorer;
                scorer.weights = read_vector<float>(in);
                scorer.bias = read_value<float>(in);
                if (scorer.weights.size() != inputs) throw std::runtime_error("the model file is damaged");
                stacker.by_label.push_back(std::move(scorer));
            }
            model.stacker_ = std::move(stacker);
        }
        return model;
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

bool is_polarity_label(const std::string& label) {
    const std::string l = fold_case(label);
    return l == "positive" || l == "mixed" || l == "negative" || l == "neutral";
}

bool is_polarity_model(const TextModel& model) {
    if (model.multi_label() || model.labels().empty()) return false;
    return std::all_of(model.labels().begin(), model.labels().end(), is_polarity_label);
}

}  // namespace yousaid
