#pragma once
// Texts with an analyst's labels, from a CSV file (train --labels, evaluate):
// one named column holds the text, another the label, or several labels joined
// by a separator. A label map merges codes: "1,2=positive;3=mixed;4,5=negative"
// reads 1 and 2 as "positive", and so on; a code the map does not name is kept
// as written.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"

namespace yousaid {

using LabelMap = std::map<std::string, std::string>;

// Throws std::invalid_argument, naming the faulty part, when `text` is not
// "CODE[,CODE...]=LABEL[;...]" with non-empty codes and labels and no code
// given twice.
LabelMap parse_label_map(const std::string& text);

struct LabelTableOptions {
    std::string text_column;   // header names, matched without regard to case
    std::string label_column;
    std::optional<std::string> separator;  // multi-label when given
    LabelMap label_map;
};

struct LabelledText {
    int line = 0;       // in the file, for messages
    std::string text;
    std::vector<std::string> labels;  // trimmed, mapped, without repeats; empty: not labelled
};

struct LabelTable {
    std::vector<LabelledText> rows;   // every record, in file order
    std::vector<Diagnostic> errors;   // unreadable file, missing columns, malformed records
};

LabelTable read_label_table(const std::string& path, const LabelTableOptions& options);

}  // namespace yousaid
