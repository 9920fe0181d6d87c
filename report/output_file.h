#pragma once
// What both renderers need before writing a report file: whether it can be
// written, and the time to date it with. (train and evaluate check their
// output files the same way before their work.)
#include <string>

namespace yousaid::report {

// Why `path` cannot be written ("cannot write PATH: REASON"), or empty if it
// looks writable; checked before anything is made, so a refusal writes nothing.
std::string write_problem(const std::string& path);

// Writes `bytes` to `path`; why it could not ("cannot write PATH: REASON"),
// or empty.
std::string write_file(const std::string& path, const std::string& bytes);

// Seconds since 1970 to date the report with: $SOURCE_DATE_EPOCH when set (so
// the same inputs give the same file, reproducible-builds.org), else now.
long long creation_time();

}  // namespace yousaid::report
