#pragma once
// How many header rows a table has, and what each column is called. Survey
// tools (SurveyMonkey, Smart Survey) can export two header rows: the question
// on the first, and under it the part of the answer ("Open-Ended Response",
// "Response", a choice); a question spanning several columns is written once.
#include <string>
#include <vector>

#include "ingest/table.h"

namespace yousaid {

struct HeaderColumn {
    std::string question;    // the first header row's text, carried across a spanned question
    std::string sub_answer;  // the second header row's text; empty with one header row
    std::string name;        // how to call the column: the question, or "question / sub-answer"
};

struct TableHeader {
    int rows = 0;            // 0 (no records), 1 or 2
    std::vector<HeaderColumn> columns;
};

// Two header rows when the second row names parts of answers: it holds a cell
// such as "Open-Ended Response" or "Response", or it fills the blank header
// cells of a question spanning several columns while leaving the columns
// before them blank.
TableHeader read_header(const Table& table);

// True for second-row labels that mean "the answer itself" ("Response",
// "Open-Ended Response"), which add nothing to a column's name.
bool is_plain_answer_label(const std::string& sub_answer);

}  // namespace yousaid
