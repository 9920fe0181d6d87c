// Learning through the built binary: yousaid train from a labels file and from
// the codes in a store, yousaid evaluate (text, JSON, predictions), and
// yousaid tag --model on the sample corpus coded by hand (corpus/coding.csv).
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using yousaid::testing::run_command;
using yousaid::testing::read_file;
using yousaid::testing::TempDir;

namespace {

const std::string kSource = YOUSAID_SOURCE_DIR;
const std::string kBinary = YOUSAID_BINARY;

// Comments with one or two of three subjects; polarity 1 (very good) to 5.
std::string labels_csv() {
    const std::vector<std::pair<std::string, std::string>> phrases = {
        {"Parking", "the car park was full"},          {"Parking", "parking costs too much"},
        {"Parking", "there were no spaces to park"},   {"Staff", "the nurse was so kind"},
        {"Staff", "staff were caring and friendly"},   {"Staff", "the doctor listened to me"},
        {"Waiting", "we waited three hours"},          {"Waiting", "the wait for an appointment was weeks"},
        {"Waiting", "kept waiting far too long"}};
    const std::vector<std::string> openings = {"", "Honestly ", "Sadly ", "On Tuesday ", "As usual "};
    std::string out = "comment_id,text,labels,sentiment\n";
    int id = 0;
    for (const std::string& opening : openings) {
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            const auto& [label, phrase] = phrases[i];
            const std::string polarity = label == "Staff" ? "1" : "5";
            out += std::to_string(++id) + ",\"" + opening + phrase + ".\"," + label + "," + polarity + "\n";
            const auto& [other, more] = phrases[(i + 4) % phrases.size()];
            if (other != label && id % 2 == 0) {
                out += std::to_string(++id) + ",\"" + opening + phrase + " and " + more + ".\"," + label + "|" + other +
                       ",3\n";
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("train then evaluate a multi-label model from a labels file") {
    TempDir dir;
    const std::string labels = dir.write("labels.csv", labels_csv());
    const std::string model = dir.path("themes.model");
    auto train = run_command(kBinary + " train --labels " + labels + " --text-col text --label-col labels --sep '|' --out " + model);
    REQUIRE(train.exit_code == 0);
    CHECK(train.output.find("learned 3 labels (multi-label) from") != std::string::npos);

    auto text = run_command(kBinary + " evaluate --model " + model + " --labels " + labels +
                            " --text-col text --label-col labels --sep '|'");
    REQUIRE(text.exit_code == 0);
    CHECK(text.output.find("Label    precision  recall      F1  support   kappa") != std::string::npos);
    CHECK(text.output.find("micro-F1 ") != std::string::npos);

    const std::string predictions = dir.path("predicted.csv");
    auto json = run_command(kBinary + " evaluate --model " + model + " --labels " + labels +
                            " --text-col text --label-col labels --sep '|' --format json --predictions " + predictions);
    REQUIRE(json.exit_code == 0);
    nlohmann::json scores = nlohmann::json::parse(json.output);
    for (const char* key : {"micro_f1", "macro_f1", "accuracy", "per_label"}) CHECK(scores.contains(key));
    CHECK(scores["micro_f1"].get<double>() > 0.9);  // the training texts themselves
    CHECK(scores["per_label"]["Staff"]["support"].get<int>() > 0);
    for (const char* key : {"precision", "recall", "f1", "support", "kappa"}) CHECK(scores["per_label"]["Parking"].contains(key));

    // One row per input row, in order, labels joined by the separator.
    std::istringstream lines(read_file(predictions));
    std::string line;
    std::getline(lines, line);
    CHECK(line == "row,predicted\r");
    int rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
        CHECK(line.rfind(std::to_string(rows) + ",", 0) == 0);
    }
    CHECK(rows == scores["rows"].get<int>());
    CHECK(read_file(predictions).find("Parking|Waiting") != std::string::npos);
}

TEST_CASE("polarity from merged codes: a single-label model with --label-map") {
    TempDir dir;
    const std::string labels = dir.write("labels.csv", labels_csv());
    const std::string model = dir.path("polarity.model");
    const std::string map = " --label-map '1,2=positive;3=mixed;4,5=negative'";
    auto train = run_command(kBinary + " train --labels " + labels + " --text-col text --label-col sentiment" + map +
                             " --out " + model);
    REQUIRE(train.exit_code == 0);
    CHECK(train.output.find("its labels are polarities") != std::string::npos);
    auto json = run_command(kBinary + " evaluate --model " + model + " --labels " + labels +
                            " --text-col text --label-col sentiment --format json" + map);
    REQUIRE(json.exit_code == 0);
    nlohmann::json scores = nlohmann::json::parse(json.output);
    CHECK(scores["per_label"].contains("mixed"));
    CHECK(scores["accuracy"].get<double>() > 0.8);
    CHECK(scores.contains("kappa"));
}

TEST_CASE("train and evaluate say what is wrong") {
    TempDir dir;
    const std::string labels = dir.write("labels.csv", labels_csv());
    auto missing = run_command(kBinary + " train --labels " + labels + " --text-col comment --label-col labels --out " +
                               dir.path("m"));
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find(labels + ":1:1: error: no column \"comment\" in the header") != std::string::npos);
    auto bad_map = run_command(kBinary + " train --labels " + labels +
                               " --text-col text --label-col sentiment --label-map '1,2' --out " + dir.path("m"));
    CHECK(bad_map.exit_code == 1);
    CHECK(bad_map.output.find("--label-map: \"1,2\" is not CODE[,CODE...]=LABEL") != std::string::npos);

    REQUIRE(run_command(kBinary + " train --labels " + labels + " --text-col text --label-col labels --sep '|' --out " +
                        dir.path("m")).exit_code == 0);
    auto no_sep = run_command(kBinary + " evaluate --model " + dir.path("m") + " --labels " + labels +
                              " --text-col text --label-col labels");
    CHECK(no_sep.exit_code == 2);
    CHECK(no_sep.output.find("is a multi-label model: give --sep to split the labels") != std::string::npos);
    auto not_model = run_command(kBinary + " evaluate --model " + labels + " --labels " + labels +
                                 " --text-col text --label-col labels --sep '|'");
    CHECK(not_model.exit_code == 1);
    CHECK(not_model.output.find(labels + ": not a yousaid model") != std::string::npos);

    // An output that cannot be written is found before any work, and said plainly.
    const std::string nowhere = dir.path("no-such-folder/m");
    auto unwritable = run_command(kBinary + " train --labels " + labels +
                                  " --text-col text --label-col labels --sep '|' --out " + nowhere);
    CHECK(unwritable.exit_code == 1);
    CHECK(unwritable.output == "yousaid: cannot write " + nowhere + ": No such file or directory; nothing learned\n");
    auto no_predictions = run_command(kBinary + " evaluate --model " + dir.path("m") + " --labels " + labels +
                                      " --text-col text --label-col labels --sep '|' --predictions " + nowhere);
    CHECK(no_predictions.exit_code == 1);
    CHECK(no_predictions.output ==
          "yousaid: cannot write " + nowhere + ": No such file or directory; nothing evaluated\n");
}

TEST_CASE("the sample corpus coded by hand trains a model that tags the rest") {
    TempDir dir;
    const std::string store = " --store " + dir.path("store");
    REQUIRE(run_command(kBinary + " ingest --quiet" + store + " --codebook " + kSource + "/corpus/codebook.txt " + kSource +
                        "/corpus/responses/*.csv").exit_code == 0);
    auto before = nlohmann::json::parse(run_command(kBinary + " search --format json --limit 1 'theme:gp-access'" + store).output);
    auto code = run_command(kBinary + " code --user analyst --from " + kSource + "/corpus/coding.csv" + store);
    REQUIRE(code.exit_code == 0);
    auto train = run_command(kBinary + " train --out " + dir.path("themes.model") + store);
    REQUIRE(train.exit_code == 0);
    CHECK(train.output.find("labels (multi-label) from 215 texts") != std::string::npos);
    auto tag = run_command(kBinary + " tag --model " + dir.path("themes.model") + store);
    REQUIRE(tag.exit_code == 0);
    CHECK(tag.output.find(dir.path("themes.model") + " (15 themes)") != std::string::npos);
    auto after = nlohmann::json::parse(run_command(kBinary + " search --format json --limit 1 'theme:gp-access'" + store).output);
    CHECK(after["total"].get<int>() > before["total"].get<int>());
    // The analyst's codes are still there, as manual.
    auto audit = run_command(kBinary + " audit --format json" + store);
    CHECK(audit.exit_code == 0);
}
