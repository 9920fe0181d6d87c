#pragma once
// The options that name a labels file (train, evaluate): --labels FILE.csv
// --text-col COL --label-col COL [--sep SEP] [--label-map MAP].
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "analysis/label_table.h"

namespace yousaid::cli {

struct LabelsArguments {
    std::string file;
    std::string text_column;
    std::string label_column;
    std::optional<std::string> separator;
    std::string label_map;
};

// With `required`, --labels, --text-col and --label-col must be given;
// otherwise --text-col and --label-col are needed only with --labels.
void add_labels_options(CLI::App& command, LabelsArguments& args, bool required);

// The table, or nullopt after printing every problem (file:line:column).
std::optional<LabelTable> read_labels(const LabelsArguments& args);

}  // namespace yousaid::cli
