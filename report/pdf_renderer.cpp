#include "report/pdf_renderer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "report/output_file.h"
#include "report/pdf_canvas.h"
#include "report/pdf_chart.h"
#include "report/pdf_flow.h"

namespace yousaid::report {

namespace {

// Where things landed; the first, non-drawing run finds these for the second.
struct PageMap {
    int total_pages = 0;
    int contents_page = 0;
    std::vector<int> section_pages;
    std::vector<double> section_tops;
};

struct ContentsLink {
    int page;
    Box area;
    std::size_t section;
};

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// Lays out (and, with drawing on, draws) the whole document once.
class DocumentWriter {
public:
    DocumentWriter(PdfCanvas& canvas, const ReportDocument& document, const PdfOptions& options,
                   const PageMap& known)
        : flow_(canvas, PdfStyle{}, document.title, known.total_pages, options.draft),
          document_(document), known_(known) {}

    PageMap run() {
        cover();
        contents();
        for (std::size_t i = 0; i < document_.sections.size(); ++i) section(i);
        map_.total_pages = flow_.page();
        return map_;
    }

    const std::vector<ContentsLink>& links() const { return links_; }

private:
    const PdfStyle& style() const { return flow_.style(); }
    PdfCanvas& canvas() { return flow_.canvas(); }

    void cover() {
        const PdfStyle& s = style();
        const double page_w = PdfCanvas::kPageWidth, page_h = PdfCanvas::kPageHeight;
        flow_.new_page(/*bare=*/true);
        canvas().fill(s.accent, Box{0, page_h - 150, page_w, page_h});
        std::vector<Line> programme =
            flow_.wrap(document_.programme, Face::bold, 15, 20, Colour{1, 1, 1});
        double y = page_h - 150 + 24 + flow_.height(programme);
        for (const Line& line : programme) {
            canvas().text(line.face, line.size, line.colour, flow_.left(), PdfFlow::baseline(y, 15, 20), line.text);
            y -= line.leading;
        }
        flow_.move_to(page_h * 0.64);
        LineRun title;
        title.lines = flow_.wrap(document_.title, Face::bold, 32, 39, s.accent_dark);
        title.min_lines = 1;
        flow_.place(title);
        LineRun subtitle;
        subtitle.lines = flow_.wrap(document_.subtitle, Face::regular, 15, 21, s.muted);
        subtitle.space_before = 12;
        subtitle.min_lines = 1;
        flow_.place(subtitle);
        flow_.space(22);
        canvas().line(s.accent, 3, flow_.left(), flow_.cursor(), flow_.left() + 60, flow_.cursor());
        LineRun date;
        date.lines = flow_.wrap(document_.date_line, Face::bold, 13, 18, s.text);
        date.space_before = 16;
        date.min_lines = 1;
        flow_.place(date);
        std::vector<Line> author = flow_.wrap(document_.author, Face::regular, 10.5, 15, s.muted);
        double top = flow_.bottom() + flow_.height(author);
        for (const Line& line : author) {
            canvas().text(line.face, line.size, line.colour, flow_.left(), PdfFlow::baseline(top, 10.5, 15), line.text);
            top -= line.leading;
        }
    }

    // Heading text, a rule under it, kept with `follow` points of what comes
    // next. Returns the page and height it starts at.
    std::pair<int, double> heading(const std::string& text, double follow) {
        const PdfStyle& s = style();
        LineRun run;
        run.lines = flow_.wrap(text, Face::bold, s.heading_size, s.heading_leading, s.accent_dark);
        run.min_lines = 1;
        run.keep_together = true;
        flow_.space(26);
        flow_.need(flow_.height(run.lines) + 14 + follow);
        std::pair<int, double> where{flow_.page(), std::min(flow_.cursor() + 6, flow_.top() + 6)};
        flow_.place(run);
        flow_.space(4);
        canvas().line(s.accent, 0.8, flow_.left(), flow_.cursor(), flow_.left() + flow_.width(), flow_.cursor());
        flow_.space(10);
        return where;
    }

    void contents() {
        const PdfStyle& s = style();
        flow_.new_page();
        map_.contents_page = flow_.page();
        auto [page, top] = heading("Contents", 0);
        canvas().bookmark("Contents", page, top);
        const double number_width = 40, size = 11, leading = 16, gap = 7;
        for (std::size_t i = 0; i < document_.sections.size(); ++i) {
            LineRun entry;
            entry.lines = flow_.wrap(document_.sections[i].heading, Face::regular, size, leading, s.text, 0,
                                     flow_.width() - number_width);
            if (entry.lines.empty()) entry.lines.push_back(Line{Face::regular, size, leading, s.text, "", 0});
            entry.keep_together = true;
            entry.space_before = gap;
            flow_.space(entry.space_before);
            entry.space_before = 0;
            flow_.need(flow_.height(entry.lines));
            const double top = flow_.cursor();
            flow_.place(entry);
            const double bottom = flow_.cursor();

            int target = i < known_.section_pages.size() ? known_.section_pages[i] : 0;
            std::string number = target > 0 ? std::to_string(target) : "";
            const double right = flow_.left() + flow_.width();
            const double number_x = right - canvas().text_width(Face::regular, size, number);
            const double base = PdfFlow::baseline(bottom + leading, size, leading);
            canvas().text(Face::regular, size, s.text, number_x, base, number);
            const double last_end =
                flow_.left() + canvas().text_width(Face::regular, size, entry.lines.back().text);
            if (number_x - 6 > last_end + 6) canvas().line(s.muted, 0.8, last_end + 6, base, number_x - 6, base, true);
            links_.push_back(ContentsLink{flow_.page(), Box{flow_.left(), bottom, right, top}, i});
        }
        flow_.new_page();  // the report proper starts on a page of its own
    }

    double page_body() const { return flow_.top() - flow_.bottom(); }
    // The tallest a chart may be: a page's body less room for a heading of two
    // lines, so a chart that opens a section still fits on the heading's page.
    double chart_room() const {
        const PdfStyle& s = style();
        return page_body() - (2 * s.heading_leading + 14);
    }

    // What must fit below a heading with the block that follows it: a chart
    // whole, the first lines or rows of anything else.
    double lead_height(const Block& block) {
        const PdfStyle& s = style();
        if (const auto* p = std::get_if<Paragraph>(&block)) {
            auto lines = flow_.wrap(p->text, Face::regular, s.body_size, s.body_leading, s.text);
            return std::min<std::size_t>(lines.size(), 2) * s.body_leading;
        }
        if (const auto* t = std::get_if<Table>(&block)) return flow_.lay_out(*t).opening;
        if (const auto* c = std::get_if<Chart>(&block)) {
            return chart_height(*c, canvas(), s, flow_.width(), chart_room());
        }
        const auto& statement = std::get<ThemeStatement>(block);
        return flow_.height(flow_.wrap(statement.title, Face::bold, s.subheading_size, s.subheading_leading, s.text)) +
               4 + 2 * s.body_leading;
    }

    void section(std::size_t index) {
        const Section& section = document_.sections[index];
        auto [page, top] = heading(section.heading,
                                   section.blocks.empty() ? 0 : lead_height(section.blocks.front()));
        map_.section_pages.push_back(page);
        map_.section_tops.push_back(top);
        canvas().bookmark(section.heading, page, top);
        for (std::size_t b = 0; b < section.blocks.size(); ++b) {
            const Block& block = section.blocks[b];
            if (const auto* p = std::get_if<Paragraph>(&block)) {
                paragraph(p->text, b == 0 ? 0 : 8);
            } else if (const auto* t = std::get_if<Table>(&block)) {
                flow_.space(b == 0 ? 0 : 14);
                flow_.table(*t);
            } else if (const auto* c = std::get_if<Chart>(&block)) {
                flow_.space(b == 0 ? 0 : 14);
                chart(*c);
            } else {
                statement(std::get<ThemeStatement>(block), b == 0);
            }
        }
    }

    void paragraph(const std::string& text, double space_before) {
        const PdfStyle& s = style();
        LineRun run;
        run.lines = flow_.wrap(text, Face::regular, s.body_size, s.body_leading, s.text);
        run.space_before = space_before;
        flow_.place(run);
    }

    // A chart is never split: it starts a new page unless it fits whole.
    void chart(const Chart& c) {
        const double height = chart_height(c, canvas(), style(), flow_.width(), chart_room());
        if (height <= 0) return;
        flow_.need(height);
        draw_chart(c, canvas(), style(), flow_.left(), flow_.cursor(), flow_.width(), chart_room());
        flow_.move_to(flow_.cursor() - height);
    }

    void statement(const ThemeStatement& st, bool first) {
        const PdfStyle& s = style();
        LineRun title;
        title.lines = flow_.wrap(st.title, Face::bold, s.subheading_size, s.subheading_leading, s.accent_dark);
        title.min_lines = 1;
        auto summary = flow_.wrap(st.summary, Face::regular, s.body_size, s.body_leading, s.text);
        flow_.space(first ? 0 : 22);
        flow_.need(flow_.height(title.lines) + 4 + flow_.height(summary, 0, 2));
        flow_.place(title);
        flow_.space(4);
        LineRun summary_run;
        summary_run.lines = std::move(summary);
        flow_.place(summary_run);

        for (const Quote& quote : st.quotes) {
            LineRun run;
            run.lines = flow_.wrap("\u201C" + quote.text + "\u201D", Face::italic, 10, 14.5, s.text, 14);
            if (!quote.attribution.empty()) {
                auto by = flow_.wrap("\u2014 " + quote.attribution, Face::regular, 8.5, 13, s.muted, 26);
                run.lines.insert(run.lines.end(), by.begin(), by.end());
            }
            run.space_before = 8;
            run.keep_together = true;
            run.bar = true;
            run.bar_colour = Colour{0.62, 0.76, 0.90};
            run.bar_x = 3;
            flow_.place(run);
        }

        const double pad = 9, inner = flow_.width() - 2 * pad - 4;
        LineRun box;
        box.fill = true;
        box.fill_colour = s.shade;
        box.pad = pad;
        box.bar = true;
        box.bar_colour = s.shade_edge;
        box.bar_x = 1;
        box.keep_together = true;
        box.space_before = 10;
        box.lines = flow_.wrap("We did", Face::bold, s.body_size, s.body_leading + 2, s.shade_edge, 4, inner);
        auto action = st.action.empty()
                          ? flow_.wrap("No action recorded yet", Face::italic, s.body_size, s.body_leading, s.muted, 4, inner)
                          : flow_.wrap(st.action, Face::regular, s.body_size, s.body_leading, s.text, 4, inner);
        box.lines.insert(box.lines.end(), action.begin(), action.end());
        std::string meta;
        if (!st.owner.empty()) meta = "Owner: " + st.owner;
        if (!st.status.empty()) meta += (meta.empty() ? "" : "    \u00B7    ") + ("Status: " + capitalised(st.status));
        if (!st.reason.empty()) meta += " \u2014 " + st.reason;
        if (!meta.empty()) {
            auto lines = flow_.wrap(meta, Face::regular, 9, 13, s.muted, 4, inner);
            if (!lines.empty()) lines.front().leading += 3;  // a little air above
            box.lines.insert(box.lines.end(), lines.begin(), lines.end());
        }
        flow_.place(box);
    }

    PdfFlow flow_;
    const ReportDocument& document_;
    const PageMap& known_;
    PageMap map_;
    std::vector<ContentsLink> links_;
};


}  // namespace

std::string render_pdf(const ReportDocument& document, const std::string& out_path, const PdfOptions& options) {
    if (std::string problem = write_problem(out_path); !problem.empty()) return problem;
    PdfCanvas canvas(options.font_dir);
    if (!canvas.error().empty()) return canvas.error();

    canvas.set_drawing(false);
    PageMap map = DocumentWriter(canvas, document, options, PageMap{}).run();
    canvas.set_drawing(true);
    DocumentWriter writer(canvas, document, options, map);
    writer.run();
    for (const ContentsLink& link : writer.links()) {
        canvas.link(link.page, link.area, map.section_pages[link.section], map.section_tops[link.section]);
    }
    canvas.set_info(HPDF_INFO_TITLE, document.title);
    canvas.set_info(HPDF_INFO_AUTHOR, document.author);
    canvas.set_info(HPDF_INFO_SUBJECT, document.subtitle);
    canvas.set_info(HPDF_INFO_CREATOR, "yousaid");
    canvas.set_creation_date(creation_time());

    std::string bytes = canvas.save();
    if (!canvas.error().empty()) return canvas.error();
    return write_file(out_path, bytes);
}

}  // namespace yousaid::report
