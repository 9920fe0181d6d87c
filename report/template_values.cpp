#include "report/template_values.h"

#include "report/figure_words.h"
#include "report/method_text.h"
#include "report/quote_text.h"

namespace yousaid::report {

PlaceholderValues placeholder_values(const ReportContext& c, const templates::ReportTemplate& t) {
    auto programme = t.fields.find("programme");
    const StoreSummary& s = c.summary;
    return {{"responses", with_commas(s.responses)},
            {"counted", with_commas(s.counted)},
            {"respondents", with_commas(s.respondents)},
            {"events", with_commas(s.by_event.size())},
            {"channels", with_commas(s.by_channel.size())},
            {"themes", with_commas(c.codebook.themes.size())},
            {"groups", with_commas(c.codebook.groups.size())},
            {"first_date", long_date(s.first_date)},
            {"last_date", long_date(s.last_date)},
            {"rejected", with_commas(static_cast<Xapian::doccount>(s.rejected))},
            {"untagged", with_commas(s.untagged)},
            {"coding_note", coding_note(s)},
            {"programme", programme == t.fields.end() ? "" : programme->second.text}};
}

std::string expand(const templates::TemplateText& text, const PlaceholderValues& values,
                   const std::string& template_text, std::vector<Diagnostic>& errors) {
    for (const templates::Placeholder& p : text.placeholders) {
        if (values.count(p.name)) continue;
        std::string known;
        for (const auto& [name, value] : values) known += (known.empty() ? "" : ", ") + name;
        errors.push_back({p.where, "unknown placeholder {{" + p.name + "}}: expected one of " + known,
                          locate_line(template_text, p.where.line)});
    }
    std::string out;
    std::size_t at = 0;
    const std::string& t = text.text;
    for (std::size_t open = t.find("{{"); open != std::string::npos; open = t.find("{{", at)) {
        std::size_t close = t.find("}}", open);
        if (close == std::string::npos) break;
        out += t.substr(at, open - at);
        auto value = values.find(t.substr(open + 2, close - open - 2));
        if (value != values.end()) out += value->second;
        at = close + 2;
    }
    out += t.substr(at);
    std::string tidy;
    for (char ch : out) {
        if (ch == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
        tidy += ch;
    }
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

}  // namespace yousaid::report
