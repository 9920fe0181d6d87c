#pragma once
// A progress line on a terminal ("corpus/big.csv: 120,000 of 1,000,000 written,
// 9,800 a second, about 1m30s left"), redrawn in place on standard error.
// Silent when not enabled (not a terminal, or --quiet).
#include <chrono>
#include <string>

namespace yousaid::cli {

class ProgressLine {
public:
    ProgressLine(std::string label, bool enabled);
    void update(std::size_t done, std::size_t total);
    // Removes the line, so what follows starts on a clean line.
    void clear();

private:
    std::string label_;
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace yousaid::cli
