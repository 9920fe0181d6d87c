#include "bin/progress_line.h"

#include <cstdio>

namespace yousaid::cli {

namespace progress_line {
std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}
}  // namespace progress_line

ProgressLine::ProgressLine(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = seconds > 0 ? done / seconds : 0;
    std::string line = label_ + ": " + progress_line::with_commas(done) + " of " + progress_line::with_commas(total) + " written";
    if (rate > 0) {
        line += ", " + progress_line::with_commas(static_cast<std::size_t>(rate)) + " a second";
        long left = static_cast<long>((total - done) / rate);
        line += ", about " + (left >= 60 ? std::to_string(left / 60) + "m" : "") + std::to_string(left % 60) + "s left";
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = true;
}

void ProgressLine::clear() {
    if (!shown_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
}

}  // namespace yousaid::cli
