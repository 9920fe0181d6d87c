#include "report/text_layout.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace yousaid::report {

namespace {

// One stretch between line-break opportunities: a word and the spaces after it.
struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;          // after the trailing spaces and any line end
    std::size_t visible_end = 0;  // before them
    bool hard_break = false;      // a line must end after this segment
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Break positions and whether each is a hard (mandatory) break. ICU's iterator
// is costly to create, so each thread keeps one; positions come back as byte
// offsets because the UText reads the UTF-8 directly.
void icu_breaks(std::string_view text, std::vector<std::size_t>& bounds, std::vector<bool>& hard) {
    thread_local std::unique_ptr<icu::BreakIterator> iterator;
    UErrorCode status = U_ZERO_ERROR;
    if (!iterator) {
        iterator.reset(icu::BreakIterator::createLineInstance(icu::Locale::getUK(), status));
        if (U_FAILURE(status)) iterator.reset();
    }
    if (!iterator) return;
    status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) iterator->setText(utext, status);
    if (U_SUCCESS(status)) {
        for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
            bounds.push_back(static_cast<std::size_t>(b));
            int32_t rule = iterator->getRuleStatus();
            hard.push_back(rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT);
        }
    }
    iterator->setText(icu::UnicodeString());  // drop the pointer into `text`
    utext_close(utext);
}

std::vector<Segment> segments(std::string_view text) {
    std::vector<std::size_t> bounds;
    std::vector<bool> hard;
    icu_breaks(text, bounds, hard);
    if (bounds.empty() || bounds.back() != text.size()) {  // without ICU: break after spaces
        bounds.clear();
        hard.clear();
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' || i + 1 == text.size() || (is_space(text[i]) && !is_space(text[i + 1]))) {
                bounds.push_back(i + 1);
                hard.push_back(text[i] == '\n');
            }
        }
    }
    std::vector<Segment> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        Segment s{begin, bounds[i], bounds[i], hard[i]};
        while (s.visible_end > s.begin && is_space(text[s.visible_end - 1])) --s.visible_end;
        out.push_back(s);
        begin = bounds[i];
    }
    return out;
}

std::size_t next_code_point(std::string_view text, std::size_t i) {
    int32_t offset = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), c);
    (void)c;
    return static_cast<std::size_t>(offset);
}

std::string_view trim_front(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return s;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, double width, const MeasureText& measure) {
    width += 1e-6;  // a column sized to its widest word must hold that word
    std::vector<std::string> lines;
    std::string line;     // the visible text so far
    std::string pending;  // spaces that go before the next word on this line
    double line_width = 0;
    bool line_open = false;

    auto finish_line = [&] {
        lines.push_back(line);
        line.clear();
        pending.clear();
        line_width = 0;
        line_open = false;
    };

    for (const Segment& s : segments(text)) {
        std::string_view word = text.substr(s.begin, s.visible_end - s.begin);
        if (!line_open) word = trim_front(word);
        if (!word.empty()) {
            double word_width = measure(word);
            if (line_open) {
                double pending_width = measure(pending);
                if (line_width + pending_width + word_width <= width) {
                    line += pending;
                    line += word;
                    line_width += pending_width + word_width;
                } else {
                    finish_line();
                }
            }
            if (!line_open && word_width <= width) {
                line = word;
                line_width = word_width;
                line_open = true;
            } else if (!line_open) {
                // Too wide for any line: break between characters.
                for (std::size_t i = 0; i < word.size();) {
                    std::size_t next = next_code_point(word, i);
                    std::string_view piece = word.substr(i, next - i);
                    double piece_width = measure(piece);
                    if (line_open && line_width + piece_width > width) finish_line();
                    line += piece;
                    line_width += piece_width;
                    line_open = true;
                    i = next;
                }
            }
        }
        pending.clear();
        for (char c : text.substr(s.visible_end, s.end - s.visible_end)) {
            if (c == ' ' || c == '\t') pending += c;
        }
        if (s.hard_break) finish_line();  // an empty line here is a deliberate blank line
    }
    if (line_open) finish_line();
    return lines;
}

TextExtent measure_extent(std::string_view text, const MeasureText& measure) {
    TextExtent extent;
    double line_width = 0;
    for (const Segment& s : segments(text)) {
        double word = measure(text.substr(s.begin, s.visible_end - s.begin));
        extent.narrowest = std::max(extent.narrowest, word);
        line_width += word;
        extent.widest = std::max(extent.widest, line_width);
        if (s.hard_break) {
            line_width = 0;
        } else {
            line_width += measure(text.substr(s.visible_end, s.end - s.visible_end));
        }
    }
    return extent;
}

}  // namespace yousaid::report
