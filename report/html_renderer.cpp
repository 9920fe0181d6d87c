#include "report/html_renderer.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include "report/html_escape.h"
#include "report/html_style.h"
#include "report/output_file.h"
#include "report/svg_chart.h"

namespace yousaid::report {

namespace {

// Escaped text with each '\n' as a line break, as the PDF breaks the line there.
std::string text_html(const std::string& text) {
    std::string out;
    for (char c : escape_html(text)) {
        if (c == '\n') out += "<br/>\n";
        else out += c;
    }
    return out;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// Fragment ids readers can link to ("who-we-heard-from"), unique in the page.
class Ids {
public:
    Ids() : used_{"main", "contents"} {}
    std::string from_text(const std::string& text, const std::string& fallback) {
        std::string slug;
        for (unsigned char c : text) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += static_cast<char>(c);
            else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
            else if (!slug.empty() && slug.back() != '-') slug += '-';
        }
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
        if (slug.empty() || !(slug[0] >= 'a' && slug[0] <= 'z')) slug = fallback + (slug.empty() ? "" : "-" + slug);
        return unique(slug);
    }
    std::string numbered(const std::string& kind) { return unique(kind + "-" + std::to_string(++counts_[kind])); }

private:
    std::string unique(const std::string& id) {
        std::string candidate = id;
        for (int n = 2; !used_.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
        return candidate;
    }
    std::set<std::string> used_;
    std::map<std::string, int> counts_;
};

// Rows in a table short enough to keep on one printed page.
constexpr std::size_t kShortTable = 30;

class PageWriter {
public:
    PageWriter(const ReportDocument& document, const HtmlOptions& options) : d_(document), options_(options) {}

    std::string run() {
        for (const Section& s : d_.sections) section_ids_.push_back(ids_.from_text(s.heading, "section"));
        head();
        out_ += "<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n";
        if (options_.draft) {
            out_ += "<p class=\"draft\" role=\"note\"><strong>DRAFT</strong> Not for publication.</p>\n"
                    "<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>\n";
        }
        cover();
        contents();
        out_ += "<main id=\"main\">\n";
        for (std::size_t i = 0; i < d_.sections.size(); ++i) section(i);
        out_ += "</main>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void meta(const std::string& name, const std::string& content) {
        if (!content.empty()) out_ += "<meta name=\"" + name + "\" content=\"" + escape_html(content) + "\"/>\n";
    }

    void head() {
        out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
        out_ += "<title>" + escape_html((options_.draft ? "DRAFT: " : "") + d_.title) + "</title>\n";
        meta("author", d_.author);
        meta("description", d_.subtitle);
        meta("dcterms.date", d_.date_line);
        meta("dcterms.created", options_.created);
        meta("generator", "yousaid");
        out_ += "<style>" + std::string(kHtmlStyle) + "</style>\n</head>\n";
    }

    // A <p class="..."> of `text`, or nothing when it is empty.
    void line(const char* cls, const std::string& text) {
        if (!text.empty()) out_ += "<p class=\"" + std::string(cls) + "\">" + text_html(text) + "</p>\n";
    }

    void cover() {
        out_ += "<header class=\"cover\">\n";
        line("programme", d_.programme);
        out_ += "<h1>" + text_html(d_.title) + "</h1>\n";
        line("subtitle", d_.subtitle);
        line("date", d_.date_line);
        line("author", d_.author);
        out_ += "</header>\n";
    }

    void contents() {
        out_ += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n";
        for (std::size_t i = 0; i < d_.sections.size(); ++i) {
            out_ += "<li><a href=\"#" + section_ids_[i] + "\">" + text_html(d_.sections[i].heading) + "</a></li>\n";
        }
        out_ += "</ol>\n</nav>\n";
    }

    void section(std::size_t index) {
        const Section& s = d_.sections[index];
        const std::string& id = section_ids_[index];
        out_ += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + text_html(s.heading) + "</h2>\n";
        for (const Block& block : s.blocks) {
            if (const auto* p = std::get_if<Paragraph>(&block)) {
                out_ += "<p>" + text_html(p->text) + "</p>\n";
            } else if (const auto* t = std::get_if<Table>(&block)) {
                table(*t);
            } else if (const auto* c = std::get_if<Chart>(&block)) {
                chart(*c);
            } else {
                statement(std::get<ThemeStatement>(block));
            }
        }
        out_ += "</section>\n";
    }

    void table(const Table& t) {
        if (t.header.empty()) return;
        auto num = [&t](std::size_t column) {
            return column < t.right_aligned.size() && t.right_aligned[column] ? " class=\"num\"" : "";
        };
        const std::string note_id = t.note.empty() ? "" : ids_.numbered("table-note");
        // A table that would fit on a printed page is not split across two.
        out_ += std::string("<div class=\"table-scroll") + (t.rows.size() <= kShortTable ? " short" : "") + "\">\n";
        out_ += "<table";
        if (!note_id.empty()) out_ += " aria-describedby=\"" + note_id + "\"";
        out_ += ">\n";
        if (!t.caption.empty()) out_ += "<caption>" + text_html(t.caption) + "</caption>\n";
        out_ += "<thead>\n<tr>";
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            out_ += "<th scope=\"col\"" + std::string(num(c)) + ">" + text_html(t.header[c]) + "</th>";
        }
        out_ += "</tr>\n</thead>\n<tbody>\n";
        for (const std::vector<std::string>& row : t.rows) {
            out_ += "<tr>";
            for (std::size_t c = 0; c < t.header.size(); ++c) {
                const std::string cell = c < row.size() ? text_html(row[c]) : "";
                if (c == 0) out_ += "<th scope=\"row\"" + std::string(num(c)) + ">" + cell + "</th>";
                else out_ += "<td" + std::string(num(c)) + ">" + cell + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</div>\n";
        if (!note_id.empty()) out_ += "<p class=\"note\" id=\"" + note_id + "\">" + text_html(t.note) + "</p>\n";
    }

    void chart(const Chart& c) {
        const std::string svg = svg_chart(c, ids_.numbered("chart-title"));
        if (svg.empty()) return;
        out_ += "<figure>\n";
        if (!c.title.empty()) out_ += "<figcaption>" + text_html(c.title) + "</figcaption>\n";
        out_ += "<div class=\"chart-scroll\">\n" + svg + "</div>\n";
        line("note", c.note);
        out_ += "</figure>\n";
    }

    void statement(const ThemeStatement& st) {
        // The heading and summary are kept together on a printed page.
        out_ += "<div class=\"statement\">\n<div class=\"lead\">\n<h3 id=\"" + ids_.from_text(st.title, "theme") +
                "\">" + text_html(st.title) + "</h3>\n";
        line("summary", st.summary);
        out_ += "</div>\n";
        for (const Quote& q : st.quotes) {
            out_ += "<blockquote>\n<p>\u201C" + text_html(q.text) + "\u201D</p>\n";
            if (!q.attribution.empty()) out_ += "<footer>\u2014 " + text_html(q.attribution) + "</footer>\n";
            out_ += "</blockquote>\n";
        }
        out_ += "<div class=\"we-did\">\n<p class=\"label\">We did</p>\n";
        if (st.action.empty()) line("none", "No action recorded yet");
        else out_ += "<p>" + text_html(st.action) + "</p>\n";
        std::string meta;
        if (!st.owner.empty()) meta = "Owner: " + text_html(st.owner);
        if (!st.status.empty()) {
            if (!meta.empty()) meta += " <span aria-hidden=\"true\">\u00B7</span> ";
            meta += "<span class=\"status\">Status: " + text_html(capitalised(st.status)) + "</span>";
        }
        if (!st.reason.empty()) meta += " \u2014 " + text_html(st.reason);
        if (!meta.empty()) out_ += "<p class=\"meta\">" + meta + "</p>\n";
        out_ += "</div>\n</div>\n";
    }

    const ReportDocument& d_;
    const HtmlOptions& options_;
    Ids ids_;
    std::vector<std::string> section_ids_;
    std::string out_;
};

// Today's date, or $SOURCE_DATE_EPOCH's (reproducible-builds.org), as YYYY-MM-DD in UTC.
// The date the report is made, YYYY-MM-DD (output_file.h).
std::string creation_date() {
    const auto when = static_cast<std::time_t>(creation_time());
    std::tm utc{};
    char text[16] = "";
    if (::gmtime_r(&when, &utc) != nullptr) std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

}  // namespace

std::string html_report(const ReportDocument& document, const HtmlOptions& options) {
    return PageWriter(document, options).run();
}


std::string render_html(const ReportDocument& document, const std::string& out_path, HtmlOptions options) {
    if (options.created.empty()) options.created = creation_date();
    return write_file(out_path, html_report(document, options));
}

}  // namespace yousaid::report
