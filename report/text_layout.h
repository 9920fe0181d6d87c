#pragma once
// Line breaking for the PDF renderer: Unicode line-break opportunities (UAX #14,
// from ICU's line BreakIterator) chosen greedily against a width measured by
// the caller, so the same code serves any font and size.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace yousaid::report {

// The width, in points, of a run of UTF-8 text.
using MeasureText = std::function<double(std::string_view)>;

// Breaks UTF-8 `text` into lines no wider than `width`. Lines break where
// Unicode allows (after spaces, after hyphens, ...); a word wider than `width`
// on its own is broken between characters. A '\n' in the text always ends a
// line. Lines keep no leading or trailing spaces. Empty text gives no lines.
std::vector<std::string> wrap_text(std::string_view text, double width, const MeasureText& measure);

// The widths a table column needs for `text`: `widest` unwrapped (the widest
// '\n'-separated line) and `narrowest` without breaking inside a word (the
// widest word).
struct TextExtent {
    double widest = 0;
    double narrowest = 0;
};
TextExtent measure_extent(std::string_view text, const MeasureText& measure);

}  // namespace yousaid::report
