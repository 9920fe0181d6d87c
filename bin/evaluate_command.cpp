#include <fstream>
#include <iostream>
#include <memory>

#include "analysis/model_evaluation.h"
#include "bin/commands.h"
#include "bin/labels_options.h"
#include "report/output_file.h"

namespace yousaid::cli {

namespace evaluate_command {

struct EvaluateArguments {
    std::string model;
    LabelsArguments labels;
    std::string format = "text";
    std::string predictions;
};

int run(const EvaluateArguments& args) {
    TextModel model;
    try {
        model = TextModel::load(args.model);
    } catch (const std::runtime_error& e) {
        std::cerr << "yousaid: " << e.what() << "\n";
        return 1;
    }
    if (model.multi_label() != args.labels.separator.has_value()) {
        std::cerr << "yousaid: " << args.model << " is a " << (model.multi_label() ? "multi-label" : "single-label")
                  << " model: " << (model.multi_label() ? "give --sep to split the labels"
                                                        : "leave out --sep, each row has one label")
                  << "\n";
        return 2;
    }
    if (!args.predictions.empty()) {
        if (const std::string problem = report::write_problem(args.predictions); !problem.empty()) {
            std::cerr << "yousaid: " << problem << "; nothing evaluated\n";
            return 1;
        }
    }
    std::optional<LabelTable> table = read_labels(args.labels);
    if (!table) return 1;
    ModelEvaluation evaluation = evaluate_model(model, *table, args.labels.file);
    if (!args.predictions.empty()) {
        std::ofstream out(args.predictions, std::ios::binary | std::ios::trunc);
        out << predictions_csv(evaluation, args.labels.separator.value_or("|"));
        if (!out.flush()) {
            std::cerr << "yousaid: cannot write " << args.predictions << "\n";
            return 1;
        }
    }
    std::cout << (args.format == "json" ? evaluation_json(evaluation) : evaluation_text(evaluation));
    return 0;
}

}  // namespace evaluate_command

void add_evaluate_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<evaluate_command::EvaluateArguments>();
    CLI::App* cmd = app.add_subcommand(
        "evaluate", "Measure a model against labelled texts: per-label precision, recall, F1, support, kappa");
    cmd->add_option("--model", args->model, "the model file (yousaid train --out)")->required()->check(CLI::ExistingFile);
    add_labels_options(*cmd, args->labels, true);
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--predictions", args->predictions, "also write each row's predicted labels to this CSV file");
    cmd->callback([args, &exit_code] { exit_code = evaluate_command::run(*args); });
}

}  // namespace yousaid::cli
