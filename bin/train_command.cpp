#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "analysis/store.h"
#include "analysis/text_model.h"
#include "analysis/training_set.h"
#include "bin/commands.h"
#include "bin/labels_options.h"
#include "report/output_file.h"

namespace yousaid::cli {

namespace train_command {

struct TrainArguments {
    std::string store;
    LabelsArguments labels;
    std::string out;
};

int run(const TrainArguments& args) {
    // Before the work of training, not after it.
    if (const std::string problem = report::write_problem(args.out); !problem.empty()) {
        std::cerr << "yousaid: " << problem << "; nothing learned\n";
        return 1;
    }
    TrainingSet set;
    bool multi_label = true;
    if (!args.labels.file.empty()) {
        std::optional<LabelTable> table = read_labels(args.labels);
        if (!table) return 1;
        set = training_set_from_table(*table);
        multi_label = args.labels.separator.has_value();
    } else {
        set = training_set_from_store(open_store(resolve_store_path(args.store)));
    }
    if (set.texts.empty()) {
        std::cerr << "yousaid: nothing to learn from: "
                  << (args.labels.file.empty() ? "no response in the store has been coded by hand (yousaid code)"
                                               : "no row has both a text and a label")
                  << "\n";
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    TextModel model;
    try {
        // Polarity labels: negations marked and the views stacked (TextModelSettings::standard).
        const bool polarity = !multi_label && std::all_of(set.labels.begin(), set.labels.end(), [](const auto& row) {
            return std::all_of(row.begin(), row.end(), is_polarity_label);
        });
        model = TextModel::train(set.texts, set.labels, TextModelSettings::standard(multi_label, polarity));
    } catch (const std::invalid_argument& e) {
        std::cerr << "yousaid: nothing learned: " << e.what() << "\n";
        return 1;
    }
    try {
        model.save(args.out);
    } catch (const std::runtime_error& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "learned " << model.labels().size() << (multi_label ? " labels (multi-label)" : " labels (single label)")
              << " from " << set.texts.size() << " texts";
    if (set.skipped > 0) std::cout << " (" << set.skipped << " rows without text or label left out)";
    std::printf(" in %.1f s; wrote %s\n", seconds, args.out.c_str());
    if (is_polarity_model(model)) {
        std::cout << "its labels are polarities: yousaid tag --model stores each response's polarity\n";
    }
    return 0;
}

}  // namespace train_command

void add_train_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<train_command::TrainArguments>();
    CLI::App* cmd = app.add_subcommand(
        "train", "Learn themes (or polarity) from labelled texts: a labels file, or the responses coded by hand in a store");
    add_store_option(*cmd, args->store);
    add_labels_options(*cmd, args->labels, false);
    cmd->add_option("--out", args->out, "the model file to write")->required();
    cmd->footer(
        "Without --labels, learns from the store: every response coded by hand (yousaid code), labelled with the "
        "themes it carries.\n"
        "Then: yousaid evaluate --model MODEL --labels HELD_OUT.csv ..., or yousaid tag --model MODEL.");
    cmd->callback([args, &exit_code] { exit_code = train_command::run(*args); });
}

}  // namespace yousaid::cli
