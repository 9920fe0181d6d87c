#include "analysis/attribute_rule.h"

#include <functional>
#include <vector>

#include <boost/spirit/home/x3.hpp>
#include <unicode/unistr.h>

namespace yousaid {

namespace {

using Rule = std::shared_ptr<const AttributeRule>;
using Attributes = std::map<std::string, std::string>;

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string fold(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(trim(s)).foldCase().toUTF8String(out);
    return out;
}

// Precedence, for writing rules back with only the parentheses they need.
enum Precedence { kOr = 1, kAnd = 2, kNot = 3, kComparison = 4 };

class Node : public AttributeRule {
public:
    virtual Precedence precedence() const = 0;
    std::string text_within(Precedence outer) const {
        return precedence() < outer ? "(" + text() + ")" : text();
    }
};

class Comparison : public Node {
public:
    enum class Op { equal, not_equal, in };
    Comparison(std::string name, Op op, std::vector<std::string> values)
        : name_(std::move(name)), op_(op), values_(std::move(values)) {
        for (const std::string& v : values_) folded_.push_back(fold(v));
    }
    bool matches(const Attributes& attributes) const override {
        auto found = attributes.find(name_);
        bool equal = false;
        if (found != attributes.end()) {
            const std::string value = fold(found->second);
            for (const std::string& v : folded_) equal = equal || v == value;
        }
        return op_ == Op::not_equal ? !equal : equal;
    }
    std::string text() const override {
        if (op_ != Op::in) return name_ + (op_ == Op::equal ? " = " : " != ") + quoted(values_[0]);
        std::string list;
        for (const std::string& v : values_) list += (list.empty() ? "" : ", ") + quoted(v);
        return name_ + " in (" + list + ")";
    }
    Precedence precedence() const override { return kComparison; }

private:
    static std::string quoted(const std::string& v) {
        const bool bare = !v.empty() && v.find_first_of(" \t(),=\"") == std::string::npos;
        return bare ? v : "\"" + v + "\"";
    }
    std::string name_;
    Op op_;
    std::vector<std::string> values_, folded_;
};

class Not : public Node {
public:
    explicit Not(std::shared_ptr<const Node> inner) : inner_(std::move(inner)) {}
    bool matches(const Attributes& a) const override { return !inner_->matches(a); }
    std::string text() const override { return "not " + inner_->text_within(kNot); }
    Precedence precedence() const override { return kNot; }

private:
    std::shared_ptr<const Node> inner_;
};

class Both : public Node {  // `and` or `or`
public:
    Both(bool is_and, std::shared_ptr<const Node> l, std::shared_ptr<const Node> r)
        : and_(is_and), left_(std::move(l)), right_(std::move(r)) {}
    bool matches(const Attributes& a) const override {
        return and_ ? left_->matches(a) && right_->matches(a) : left_->matches(a) || right_->matches(a);
    }
    std::string text() const override {
        return left_->text_within(precedence()) + (and_ ? " and " : " or ") +
               right_->text_within(Precedence(precedence() + 1));
    }
    Precedence precedence() const override { return and_ ? kAnd : kOr; }

private:
    bool and_;
    std::shared_ptr<const Node> left_, right_;
};

// The grammar builds the rule bottom-up on a stack held in the parse context.
struct Builder {
    std::vector<std::shared_ptr<const Node>> stack;
    std::string name;
    Comparison::Op op = Comparison::Op::equal;
    std::vector<std::string> values;
};

namespace x3 = boost::spirit::x3;
struct builder_tag;

Builder& builder(auto& ctx) { return x3::get<builder_tag>(ctx); }
auto const pop = [](Builder& b) { auto node = b.stack.back(); b.stack.pop_back(); return node; };
auto const set_name = [](auto& ctx) {
    builder(ctx).name = fold(x3::_attr(ctx));
    builder(ctx).values.clear();
};
auto const set_op = [](Comparison::Op op) { return [op](auto& ctx) { builder(ctx).op = op; }; };
auto const add_value = [](auto& ctx) { builder(ctx).values.push_back(trim(x3::_attr(ctx))); };
auto const push_comparison = [](auto& ctx) {
    Builder& b = builder(ctx);
    b.stack.push_back(std::make_shared<Comparison>(b.name, b.op, b.values));
};
auto const make_not = [](auto& ctx) { auto& b = builder(ctx); b.stack.push_back(std::make_shared<Not>(pop(b))); };
auto const make_both = [](bool is_and) {
    return [is_and](auto& ctx) {
        Builder& b = builder(ctx);
        auto right = pop(b);
        auto left = pop(b);
        b.stack.push_back(std::make_shared<Both>(is_and, left, right));
    };
};

auto keyword(const char* word) {
    return x3::lexeme[x3::no_case[x3::lit(word)] >> !(x3::alnum | '_')];
}
// Rules are named for the messages: "expected " + name.
template <typename Tag>
auto named(const char* name, auto parser) { return x3::rule<Tag>{name} = parser; }

x3::rule<class or_rule_> const or_rule = "an attribute name";
x3::rule<class and_rule_> const and_rule = "an attribute name";
x3::rule<class not_rule_> const not_rule = "an attribute name";

auto const name = x3::rule<class name_, std::string>{"an attribute name"} =
    x3::lexeme[+(x3::alnum | x3::char_('_'))];
auto const value = x3::rule<class value_, std::string>{"a value"} = x3::lexeme[
    ('"' >> *~x3::char_('"') > named<class quote_>("a closing quote", x3::lit('"'))) |
    +(x3::char_ - x3::space - x3::char_("(),=\""))];
auto const a_value = x3::rule<class a_value_>{"a value"} = value[add_value];
auto const values = '(' > a_value > *(',' > a_value) > named<class list_end_>("\",\" or \")\"", x3::lit(')'));
auto const op_part = named<class op_>(
    "\"=\", \"!=\" or \"in\" after the attribute name",
    (x3::lit("!=")[set_op(Comparison::Op::not_equal)] > a_value) |
        (x3::lit('=')[set_op(Comparison::Op::equal)] > a_value) |
        (keyword("in")[set_op(Comparison::Op::in)] > named<class open_>("\"(\" after \"in\"", values)));
auto const comparison = (name[set_name] > op_part)[push_comparison];
auto const primary = ('(' > or_rule > named<class close_>("\")\"", x3::lit(')'))) | comparison;
auto const not_rule_def = (keyword("not") > not_rule)[make_not] | primary;
auto const and_rule_def = not_rule >> *((keyword("and") > not_rule)[make_both(true)]);
auto const or_rule_def = and_rule >> *((keyword("or") > and_rule)[make_both(false)]);
BOOST_SPIRIT_DEFINE(or_rule, and_rule, not_rule)

}  // namespace

AttributeRuleParse parse_attribute_rule(const std::string& text) {
    AttributeRuleParse result;
    Builder b;
    auto first = text.begin();
    try {
        const bool ok = x3::phrase_parse(first, text.end(), x3::with<builder_tag>(b)[or_rule], x3::space);
        x3::phrase_parse(first, text.end(), x3::eps, x3::space);  // skip trailing spaces
        if (ok && first == text.end()) {
            result.rule = b.stack.back();
            return result;
        }
        result.error = ok ? "expected \"and\", \"or\" or the end of the rule" : "expected an attribute name";
    } catch (const x3::expectation_failure<std::string::const_iterator>& failure) {
        first = failure.where();
        x3::phrase_parse(first, text.end(), x3::eps, x3::space);
        result.error = "expected " + failure.which();
    }
    result.error_offset = static_cast<std::size_t>(first - text.begin());
    return result;
}

}  // namespace yousaid
