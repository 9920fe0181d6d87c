#include "bin/labels_options.h"

#include <iostream>

namespace yousaid::cli {

void add_labels_options(CLI::App& command, LabelsArguments& args, bool required) {
    CLI::Option* file = command.add_option("--labels", args.file, "a CSV file of texts and their labels")
                            ->check(CLI::ExistingFile);
    CLI::Option* text = command.add_option("--text-col", args.text_column, "the column holding the text");
    CLI::Option* label = command.add_option("--label-col", args.label_column, "the column holding the label(s)");
    command.add_option("--sep", args.separator,
                       "labels in one cell are joined by SEP (multi-label); without it each cell is one label");
    command.add_option("--label-map", args.label_map,
                       "merge codes into labels, e.g. '1,2=positive;3=mixed;4,5=negative'");
    if (required) {
        file->required();
        text->required();
        label->required();
    } else {
        text->needs(file);
        label->needs(file);
        file->needs(text);
        file->needs(label);
    }
}

std::optional<LabelTable> read_labels(const LabelsArguments& args) {
    LabelTableOptions options;
    options.text_column = args.text_column;
    options.label_column = args.label_column;
    options.separator = args.separator;
    if (args.separator && args.separator->empty()) {
        std::cerr << "yousaid: --sep needs at least one character\n";
        return std::nullopt;
    }
    if (!args.label_map.empty()) {
        try {
            options.label_map = parse_label_map(args.label_map);
        } catch (const std::invalid_argument& e) {
            std::cerr << "yousaid: --label-map: " << e.what() << "\n";
            return std::nullopt;
        }
    }
    LabelTable table = read_label_table(args.file, options);
    for (const Diagnostic& d : table.errors) std::cerr << d.format();
    if (!table.errors.empty()) {
        std::cerr << "yousaid: " << args.file << " has errors; nothing read\n";
        return std::nullopt;
    }
    return table;
}

}  // namespace yousaid::cli
