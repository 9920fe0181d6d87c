#pragma once
// A thin owner of one libharu document: A4 pages, three embedded DejaVu fonts
// (UTF-8), drawing primitives, bookmarks and links. libharu errors are caught by
// an error handler and kept as text (error()); after the first error, drawing
// calls are ignored and save() returns that error, so nothing aborts.
//
// With drawing off, pages are only counted and nothing is drawn, so a layout
// can be run once to learn page numbers and again to draw, with the fonts
// loaded once for both.
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

namespace yousaid::report {

enum class Face { regular, bold, italic };

struct Colour {
    double r = 0, g = 0, b = 0;
};

// Coordinates are PDF points from the page's bottom-left corner.
struct Box {
    double left = 0, bottom = 0, right = 0, top = 0;
};

class PdfCanvas {
public:
    static constexpr double kPageWidth = 595.276;   // A4, portrait
    static constexpr double kPageHeight = 841.89;

    // Loads DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSans-Oblique.ttf from
    // `font_dir`; a missing or unreadable font is an error().
    explicit PdfCanvas(const std::string& font_dir);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    // Empty while all is well; otherwise what went wrong first.
    const std::string& error() const { return error_; }

    // Width in points of UTF-8 `text` set in `face` at `size`.
    double text_width(Face face, double size, std::string_view text) const;

    void set_drawing(bool drawing);
    bool drawing() const { return drawing_; }

    // Starts a new page and returns its 1-based number. Numbering restarts at
    // 1 whenever drawing is switched.
    int add_page();
    int page_count() const { return page_count_; }

    void text(Face face, double size, Colour colour, double x, double baseline, std::string_view text);
    // Text turned `degrees` anticlockwise about its start point.
    void rotated_text(Face face, double size, Colour colour, double x, double y, double degrees,
                      std::string_view text);
    void fill(Colour colour, const Box& box);
    // Filled and edged with a line `edge_width` wide centred on the box's
    // border, so a pale fill still shows on white paper.
    void fill(Colour colour, const Box& box, Colour edge, double edge_width);
    void line(Colour colour, double width, double x1, double y1, double x2, double y2,
              bool dotted = false);

    // A bookmark in the outline that opens page `page` at height `top`.
    void bookmark(std::string_view title, int page, double top);
    // A clickable area on page `from` that opens page `to` at height `top`.
    void link(int from, const Box& area, int to, double top);

    void set_info(HPDF_InfoType type, const std::string& value);
    void set_creation_date(long long unix_seconds);

    // The finished PDF, or empty with error() set.
    std::string save();

private:
    static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);
    void fail(const std::string& message);
    bool can_draw() const { return drawing_ && error_.empty() && current_ != nullptr; }
    HPDF_Font font(Face face) const { return fonts_[static_cast<int>(face)]; }
    HPDF_Destination destination(int page, double top);

    HPDF_Doc doc_ = nullptr;
    HPDF_Font fonts_[3] = {nullptr, nullptr, nullptr};
    std::vector<HPDF_Page> pages_;
    HPDF_Page current_ = nullptr;
    int page_count_ = 0;
    bool drawing_ = true;
    std::string error_;
};

}  // namespace yousaid::report
