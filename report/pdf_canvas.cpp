#include "report/pdf_canvas.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "report/pdf_to_unicode.h"

namespace yousaid::report {

namespace {

const char* describe(HPDF_STATUS error_no) {
    switch (error_no) {
        case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
        case HPDF_FILE_IO_ERROR: return "file input/output error";
        case HPDF_FILE_OPEN_ERROR: return "cannot open file";
        case HPDF_INVALID_FONTDEF_DATA:
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE: return "not a usable TrueType font";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence does not allow embedding";
        case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
        case HPDF_STRING_OUT_OF_RANGE: return "text too long for one PDF string";
        case HPDF_ZLIB_ERROR: return "compression failed";
        case HPDF_INVALID_PARAMETER: return "invalid parameter";
        default: return "internal error";
    }
}

}  // namespace

void PdfCanvas::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(error_no),
                  static_cast<unsigned>(detail_no));
    static_cast<PdfCanvas*>(user_data)->fail(std::string("PDF: ") + describe(error_no) + code);
}

void PdfCanvas::fail(const std::string& message) {
    if (error_.empty()) error_ = message;
}

PdfCanvas::PdfCanvas(const std::string& font_dir) {
    doc_ = HPDF_New(&PdfCanvas::on_error, this);
    if (doc_ == nullptr) {
        fail("PDF: cannot create a document (out of memory)");
        return;
    }
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    HPDF_SetPageMode(doc_, HPDF_PAGE_MODE_USE_OUTLINE);  // open with the bookmarks showing
    HPDF_UseUTFEncodings(doc_);
    HPDF_SetCurrentEncoder(doc_, "UTF-8");
    const char* files[3] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"};
    for (int i = 0; i < 3 && error_.empty(); ++i) {
        std::string path = font_dir + "/" + files[i];
        if (!std::ifstream(path, std::ios::binary)) {
            fail("cannot read font " + path);
            return;
        }
        const char* name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
        if (name != nullptr) fonts_[i] = HPDF_GetFont(doc_, name, "UTF-8");
        if (fonts_[i] != nullptr && !write_identity_to_unicode(fonts_[i])) {
            fail("PDF: font " + path + " has no ToUnicode map to write");
            return;
        }
        if (fonts_[i] == nullptr) {
            std::string why = error_.empty() ? "" : ": " + error_;
            error_.clear();
            fail("cannot load font " + path + why);
        }
    }
}

PdfCanvas::~PdfCanvas() {
    if (doc_ != nullptr) HPDF_Free(doc_);
}

double PdfCanvas::text_width(Face face, double size, std::string_view text) const {
    if (text.empty() || font(face) == nullptr) return 0;
    HPDF_TextWidth width = HPDF_Font_TextWidth(font(face), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                               static_cast<HPDF_UINT>(text.size()));
    return width.width * size / 1000.0;
}

void PdfCanvas::set_drawing(bool drawing) {
    drawing_ = drawing;
    page_count_ = 0;
    current_ = nullptr;
}

int PdfCanvas::add_page() {
    ++page_count_;
    if (!drawing_ || !error_.empty()) return page_count_;
    current_ = HPDF_AddPage(doc_);
    if (current_ == nullptr) return page_count_;
    HPDF_Page_SetSize(current_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages_.push_back(current_);
    return page_count_;
}

void PdfCanvas::text(Face face, double size, Colour colour, double x, double baseline, std::string_view text) {
    if (!can_draw() || text.empty()) return;
    std::string s(text);
    HPDF_Page_BeginText(current_);
    HPDF_Page_SetFontAndSize(current_, font(face), static_cast<HPDF_REAL>(size));
    HPDF_Page_SetRGBFill(current_, colour.r, colour.g, colour.b);
    HPDF_Page_TextOut(current_, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), s.c_str());
    HPDF_Page_EndText(current_);
}

void PdfCanvas::rotated_text(Face face, double size, Colour colour, double x, double y, double degrees,
                             std::string_view text) {
    if (!can_draw() || text.empty()) return;
    std::string s(text);
    double radians = degrees * 3.14159265358979 / 180.0;
    double c = std::cos(radians), sn = std::sin(radians);
    HPDF_Page_BeginText(current_);
    HPDF_Page_SetFontAndSize(current_, font(face), static_cast<HPDF_REAL>(size));
    HPDF_Page_SetRGBFill(current_, colour.r, colour.g, colour.b);
    HPDF_Page_SetTextMatrix(current_, c, sn, -sn, c, x, y);
    HPDF_Page_ShowText(current_, s.c_str());
    HPDF_Page_EndText(current_);
}

void PdfCanvas::fill(Colour colour, const Box& box) {
    if (!can_draw()) return;
    HPDF_Page_SetRGBFill(current_, colour.r, colour.g, colour.b);
    HPDF_Page_Rectangle(current_, box.left, box.bottom, box.right - box.left, box.top - box.bottom);
    HPDF_Page_Fill(current_);
}

void PdfCanvas::fill(Colour colour, const Box& box, Colour edge, double edge_width) {
    if (!can_draw()) return;
    HPDF_Page_SetRGBFill(current_, colour.r, colour.g, colour.b);
    HPDF_Page_SetRGBStroke(current_, edge.r, edge.g, edge.b);
    HPDF_Page_SetLineWidth(current_, edge_width);
    HPDF_Page_Rectangle(current_, box.left, box.bottom, box.right - box.left, box.top - box.bottom);
    HPDF_Page_FillStroke(current_);
}

void PdfCanvas::line(Colour colour, double width, double x1, double y1, double x2, double y2, bool dotted) {
    if (!can_draw()) return;
    HPDF_Page_SetRGBStroke(current_, colour.r, colour.g, colour.b);
    HPDF_Page_SetLineWidth(current_, width);
    if (dotted) {
        const HPDF_UINT16 pattern[] = {1, 2};
        HPDF_Page_SetDash(current_, pattern, 2, 0);
        HPDF_Page_SetLineCap(current_, HPDF_ROUND_END);
    }
    HPDF_Page_MoveTo(current_, x1, y1);
    HPDF_Page_LineTo(current_, x2, y2);
    HPDF_Page_Stroke(current_);
    if (dotted) {
        HPDF_Page_SetDash(current_, nullptr, 0, 0);
        HPDF_Page_SetLineCap(current_, HPDF_BUTT_END);
    }
}

HPDF_Destination PdfCanvas::destination(int page, double top) {
    if (page < 1 || page > static_cast<int>(pages_.size())) return nullptr;
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[page - 1]);
    if (dst != nullptr) HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(top));  // XYZ cannot keep the zoom in libharu
    return dst;
}

void PdfCanvas::bookmark(std::string_view title, int page, double top) {
    if (!drawing_ || !error_.empty()) return;
    std::string s(title);
    HPDF_Outline outline = HPDF_CreateOutline(doc_, nullptr, s.c_str(), HPDF_GetEncoder(doc_, "UTF-8"));
    HPDF_Destination dst = destination(page, top);
    if (outline != nullptr && dst != nullptr) HPDF_Outline_SetDestination(outline, dst);
}

void PdfCanvas::link(int from, const Box& area, int to, double top) {
    if (!drawing_ || !error_.empty() || from < 1 || from > static_cast<int>(pages_.size())) return;
    HPDF_Destination dst = destination(to, top);
    if (dst == nullptr) return;
    HPDF_Rect rect = {static_cast<HPDF_REAL>(area.left), static_cast<HPDF_REAL>(area.bottom),
                      static_cast<HPDF_REAL>(area.right), static_cast<HPDF_REAL>(area.top)};
    HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(pages_[from - 1], rect, dst);
    if (annot != nullptr) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
}

void PdfCanvas::set_info(HPDF_InfoType type, const std::string& value) {
    if (error_.empty() && !value.empty()) HPDF_SetInfoAttr(doc_, type, value.c_str());
}

void PdfCanvas::set_creation_date(long long unix_seconds) {
    if (!error_.empty()) return;
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    HPDF_Date date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                   utc.tm_sec, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, date);
}

std::string PdfCanvas::save() {
    if (!error_.empty()) return {};
    if (HPDF_SaveToStream(doc_) != HPDF_OK || !error_.empty()) return {};
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
    std::string bytes(size, '\0');
    if (HPDF_GetContents(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK) {
        fail("PDF: cannot read back the finished document");
        return {};
    }
    bytes.resize(size);
    return bytes;
}

}  // namespace yousaid::report
