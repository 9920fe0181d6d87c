#include "ingest/header_shape.h"

#include "ingest/unicode_text.h"

namespace yousaid {

namespace {

const char* const kAnswerLabels[] = {"response", "open-ended response", "open-ended responses", "open ended response",
                                     "answer", "comment", "comments", "other (please specify)"};

bool is_answer_label(const std::string& text) {
    std::string folded = fold_case(trim(text));
    for (const char* label : kAnswerLabels) {
        if (folded == label) return true;
    }
    return false;
}

std::vector<std::string> cells(const CsvRecord& record) {
    std::vector<std::string> out;
    for (const CsvField& f : record.fields) out.push_back(trim(f.value));
    return out;
}

bool second_row_is_header(const std::vector<std::string>& first, const std::vector<std::string>& second) {
    bool labelled = false, fills_span = false, blank_before = false;
    for (std::size_t i = 0; i < second.size(); ++i) {
        if (is_answer_label(second[i])) labelled = true;
        bool first_blank = i >= first.size() || first[i].empty();
        if (first_blank && !second[i].empty() && i > 0) fills_span = true;
        if (!first_blank && second[i].empty()) blank_before = true;
    }
    return labelled || (fills_span && blank_before);
}

}  // namespace

bool is_plain_answer_label(const std::string& sub_answer) {
    std::string folded = fold_case(trim(sub_answer));
    return folded.empty() || (is_answer_label(folded) && folded != "other (please specify)");
}

TableHeader read_header(const Table& table) {
    TableHeader header;
    if (table.records.empty() || table.records[0].error) return header;
    std::vector<std::string> first = cells(table.records[0]);
    header.rows = 1;
    std::vector<std::string> second;
    if (table.records.size() > 1 && !table.records[1].error) {
        std::vector<std::string> candidate = cells(table.records[1]);
        if (second_row_is_header(first, candidate)) {
            header.rows = 2;
            second = candidate;
        }
    }
    std::string carried;
    for (std::size_t i = 0; i < first.size(); ++i) {
        HeaderColumn column;
        if (!first[i].empty()) carried = first[i];
        column.question = header.rows == 2 ? carried : first[i];
        column.sub_answer = i < second.size() ? second[i] : "";
        if (header.rows == 2 && first[i].empty() && column.sub_answer.empty()) column.question = "";
        column.name = column.question;
        if (!is_plain_answer_label(column.sub_answer)) {
            column.name = column.question.empty() ? column.sub_answer : column.question + " / " + column.sub_answer;
        }
        header.columns.push_back(column);
    }
    return header;
}

}  // namespace yousaid
