#pragma once
// Batches for the crash, fault and load tests: CSV files of any size whose rows
// are twelve words drawn from health and care vocabulary, each file different
// for a different seed; and the number of documents a store holds.
#include <regex>
#include <string>

#include "tests/test_support.h"

namespace yousaid::testing {

// Built with sanitizers, yousaid runs 5 to 10 times slower, so the crash, fault
// and load tests there use a fifth of the rows: rows(20000) is 20000 or 4000.
#ifdef YOUSAID_SANITIZED
inline constexpr int kRowsDivisor = 5;
#else
inline constexpr int kRowsDivisor = 1;
#endif
constexpr int rows(int n) { return n / kRowsDivisor; }

// Writes `rows` responses (ids PREFIX0, PREFIX1, ...) to dir/name and returns its path.
inline std::string write_batch(const TempDir& dir, const std::string& name, int rows, unsigned seed = 7,
                               const std::string& id_prefix = "R") {
    static const char* words[] = {"bus",       "hospital", "appointment", "carer",   "doctor",  "nurse",   "waiting",
                                  "discharge", "transport", "village",    "surgery", "jargon",  "leaflet", "weekend"};
    std::ofstream out(dir.path(name));
    out << "id,text,age band\n";
    for (int i = 0; i < rows; ++i) {
        out << id_prefix << i << ",";
        for (int w = 0; w < 12; ++w) {
            seed = seed * 1103515245 + 12345;
            out << (w ? " " : "") << words[(seed >> 16) % 14];
        }
        out << "," << (i % 2 ? "65-74" : "16-24") << "\n";
    }
    return dir.path(name);
}

// What xapian-delve says the store holds; -1 when it cannot open it.
inline long document_count(const std::string& store) {
    auto delve = run_command("$(command -v xapian-delve || command -v delve) " + store);
    std::smatch m;
    static const std::regex count(R"(number of documents = (\d+))");
    return std::regex_search(delve.output, m, count) ? std::stol(m[1]) : -1;
}

}  // namespace yousaid::testing
