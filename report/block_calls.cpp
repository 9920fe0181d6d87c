#include "report/block_calls.h"

#include <algorithm>

#include "analysis/crosstab.h"
#include "report/method_text.h"
#include "report/store_tables.h"
#include "report/theme_statements.h"

namespace yousaid::report {

namespace {

constexpr int kMostQuotes = 10;

// A call with "chart" taken off the front when it is there: the block drawn
// and, when charted, drawn after its chart.
struct Call {
    bool chart = false;
    std::string name;
    SourceLocation name_at;
    std::vector<std::string> arguments;
    std::vector<SourceLocation> arguments_at;
};

class BlockDrawer {
public:
    BlockDrawer(ReportContext& c, const std::string& template_text, std::vector<Diagnostic>& errors)
        : c_(c), template_text_(template_text), errors_(errors) {}

    std::vector<Block> draw(const templates::BlockItem& item) {
        Call call{item.name == "chart", item.name, item.name_at, item.arguments, item.arguments_at};
        if (call.chart) {
            if (call.arguments.empty()) {
                return fail(item.name_at, "[chart] needs the block to draw, as in [chart themes]");
            }
            call.name = call.arguments.front();
            call.name_at = call.arguments_at.front();
            call.arguments.erase(call.arguments.begin());
            call.arguments_at.erase(call.arguments_at.begin());
        }
        std::vector<Block> blocks = draw_call(call);
        if (call.chart && !blocks.empty()) {
            const std::string by = call.arguments.empty() ? "" : call.arguments.back();
            blocks.insert(blocks.begin(), chart_of(c_, call.name, by, blocks));
        }
        return blocks;
    }

private:
    std::vector<Block> fail(const SourceLocation& at, const std::string& message) {
        errors_.push_back({at, message, locate_line(template_text_, at.line)});
        return {};
    }

    // Where a call with the wrong number of arguments goes wrong: the first
    // argument too many, or the name when some are missing.
    const SourceLocation& count_error_at(const Call& call, std::size_t wanted) const {
        return call.arguments.size() > wanted ? call.arguments_at[wanted] : call.name_at;
    }

    std::vector<Block> no_chart(const Call& call) {
        return fail(call.name_at, "[" + call.name +
                                      "] has no chart: [chart ...] draws [themes], [reach ...] and [crosstab theme "
                                      "...]");
    }

    std::vector<Block> draw_call(const Call& call) {
        const std::string& name = call.name;
        const bool plain = name == "themes" || name == "you-said-we-did" || name == "method" || name == "limitations";
        if (plain) {
            if (call.chart && name != "themes") return no_chart(call);
            if (!call.arguments.empty()) return fail(call.arguments_at[0], "[" + name + "] takes no arguments");
            if (name == "themes") return {themes_table(c_)};
            if (name == "you-said-we-did") return you_said_we_did(c_);
            if (name == "method") return method_paragraphs(c_);
            return limitations_paragraphs(c_);
        }
        if (name == "reach") return reach(call);
        if (name == "crosstab") return crosstab_block(call);
        if (name == "quotes") return quotes(call);
        if (call.chart) {
            return fail(call.name_at, "unknown block \"" + name +
                                          "\" after chart: expected themes, reach or crosstab, as in [chart themes]");
        }
        return fail(call.name_at, "unknown block \"" + name +
                                      "\": expected reach, themes, you-said-we-did, quotes, crosstab, method, "
                                      "limitations or chart");
    }

    std::vector<Block> reach(const Call& call) {
        const std::string usage = "[reach] takes one of channel, event or group, as in [reach channel]";
        if (call.arguments.size() != 1) return fail(count_error_at(call, 1), usage);
        const std::string& by = call.arguments[0];
        if (by != "channel" && by != "event" && by != "group") return fail(call.arguments_at[0], usage);
        return {reach_table(c_, by)};
    }

    std::vector<Block> crosstab_block(const Call& call) {
        if (call.arguments.size() != 2) {
            return fail(count_error_at(call, 2), "[crosstab] needs rows and columns, as in [crosstab theme channel]");
        }
        std::vector<Axis> axes;
        for (std::size_t i = 0; i < 2; ++i) {
            std::optional<Axis> axis = parse_axis(call.arguments[i]);
            if (!axis) {
                return fail(call.arguments_at[i], "\"" + call.arguments[i] +
                                                      "\" is not a cross-tab dimension: expected theme, group, "
                                                      "channel, event, question, polarity or an attribute "
                                                      "(age_band, gender, ... or attribute:NAME)");
            }
            if (axis->dimension == Dimension::attribute && !stored(axis->attribute)) {
                return fail(call.arguments_at[i], "no response in the store has the attribute \"" +
                                                      axis->attribute + "\"");
            }
            axes.push_back(*axis);
        }
        if (axes[0].name() == axes[1].name()) {
            return fail(call.arguments_at[1],
                        "[crosstab] needs two different dimensions, as in [crosstab theme channel]");
        }
        if (call.chart && axes[0].dimension != Dimension::theme) {
            return fail(call.arguments_at[0], "a cross-tab's chart needs themes as its rows: [chart crosstab theme " +
                                                  call.arguments[1] + "]");
        }
        return crosstab_tables(c_, axes[0], axes[1]);
    }

    std::vector<Block> quotes(const Call& call) {
        if (call.chart) return no_chart(call);
        if (call.arguments.size() != 2) {
            return fail(count_error_at(call, 2), "[quotes] needs a theme and how many quotes, as in [quotes " +
                                                     example_theme() + " 3]");
        }
        const Theme* theme = nullptr;
        for (const Theme& t : c_.codebook.themes) {
            if (t.id == call.arguments[0]) theme = &t;
        }
        if (!theme) {
            std::string ids;
            for (const Theme& t : c_.codebook.themes) ids += (ids.empty() ? "" : ", ") + t.id;
            return fail(call.arguments_at[0],
                        "unknown theme \"" + call.arguments[0] + "\": the codebook's themes are " + ids);
        }
        const std::string& n = call.arguments[1];
        const bool digits = !n.empty() && n.size() <= 2 && std::all_of(n.begin(), n.end(), [](char ch) {
            return ch >= '0' && ch <= '9';
        });
        const int count = digits ? std::stoi(n) : 0;
        if (count < 1 || count > kMostQuotes) {
            return fail(call.arguments_at[1], "the number of quotes is a whole number from 1 to " +
                                                  std::to_string(kMostQuotes) + ", not \"" + n + "\"");
        }
        return theme_quotes(c_, *theme, count);
    }

    std::string example_theme() const {
        return c_.codebook.themes.empty() ? "THEME" : c_.codebook.themes.front().id;
    }

    bool stored(const std::string& attribute) {
        if (!attributes_) attributes_ = stored_attributes(c_.db);
        return std::find(attributes_->begin(), attributes_->end(), attribute) != attributes_->end();
    }

    ReportContext& c_;
    const std::string& template_text_;
    std::vector<Diagnostic>& errors_;
    std::optional<std::vector<std::string>> attributes_;
};

}  // namespace

std::vector<Block> draw_block(ReportContext& c, const templates::BlockItem& call, const std::string& template_text,
                              std::vector<Diagnostic>& errors) {
    return BlockDrawer(c, template_text, errors).draw(call);
}

}  // namespace yousaid::report
