#pragma once
// Cross-tabulation of responses: rows by columns, each cell a count of responses
// (or respondents) in both, each column with its base so cells can be read as
// column percentages, and each cell tested against the rest of its row.
// Themes and groups are multi-valued: one response counts in every row and
// column it belongs to. A campaign (campaigns.h) counts once, as its first
// member, unless every member is asked for.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

enum class Dimension { theme, group, channel, event, question, polarity, attribute };

// "theme", "group", "channel", "event", "question", "polarity"; nullopt for anything else.
std::optional<Dimension> parse_dimension(const std::string& name);
// The dimension's name; "attribute" for an attribute (Axis::name gives its own).
std::string dimension_name(Dimension dimension);

// What rows or columns split by: a dimension, or one attribute (Response::attributes).
struct Axis {
    Dimension dimension = Dimension::theme;
    std::string attribute;  // the attribute's name when dimension is attribute

    Axis() = default;
    Axis(Dimension d) : dimension(d) {}  // NOLINT: a dimension is an axis
    static Axis of_attribute(const std::string& name) {
        Axis a(Dimension::attribute);
        a.attribute = name;
        return a;
    }
    // The name shown and written in CSV headers: "theme", ..., or the attribute's.
    std::string name() const;
};

// "theme", "group", "channel", "event", "question", "polarity", "attribute:NAME", or the
// bare name of an attribute that ingest names itself (age_band, gender,
// ethnicity, sexual_orientation, postcode_district, carer, disability,
// long_term_condition, mental_health_condition, parent_under_5,
// working_status). Other attributes need "attribute:NAME", so a misspelt
// dimension is an error rather than an empty attribute. nullopt when neither.
std::optional<Axis> parse_axis(const std::string& text);

// The attributes stored (from the XA terms), sorted.
std::vector<std::string> stored_attributes(const Xapian::Database& db);

enum class CountUnit { responses, respondents };
enum class PercentBase { column, row };
enum class Adjustment { benjamini_hochberg, bonferroni, none };

std::string adjustment_name(Adjustment adjustment);  // "Benjamini-Hochberg", "Bonferroni", "none"

// A cell's column-proportion z-test against the rest of its row.
struct CellTest {
    bool tested = false;  // false in the All column, suppressed columns, and cells with nothing to compare
    double z = 0;
    double p = 1;
    double adjusted_p = 1;
    int direction = 0;    // +1 significantly higher, -1 lower, 0 neither (adjusted p >= the level)
};

struct Crosstab {
    Dimension row_dimension = Dimension::theme;
    Dimension column_dimension = Dimension::channel;
    std::string row_attribute;              // when row_dimension is attribute
    std::string column_attribute;           // when column_dimension is attribute
    std::vector<std::string> row_keys;      // ids (theme, group), names (channel, event, question), value slugs
    std::vector<std::string> row_labels;    // titles from the codebook, values as written, else the key
    std::vector<std::string> column_keys;   // the first column is every response: key ""
    std::vector<std::string> column_labels; // the first is "All responses" (or "All respondents")
    std::vector<Xapian::doccount> bases;    // per column, in `unit`
    std::vector<std::vector<Xapian::doccount>> counts;  // [row][column], in `unit`
    Xapian::doccount campaigns = 0;         // campaigns in the store
    Xapian::doccount campaign_members = 0;  // their members, first members included
    bool every_member = false;              // each member counted (CrosstabOptions)

    CountUnit unit = CountUnit::responses;
    PercentBase percent_base = PercentBase::column;
    Adjustment adjustment = Adjustment::benjamini_hochberg;
    double significance_level = 0.05;
    Xapian::doccount small_base = 30;       // bases under this are flagged
    Xapian::doccount min_base = 10;         // bases under this are suppressed
    std::vector<std::vector<CellTest>> tests;  // [row][column]; never tested in column 0
    std::size_t tested_cells = 0;           // the family the adjustment ran over

    // Weighting (CrosstabOptions::column_population_shares): per column, 1 when unweighted.
    bool weighted = false;
    std::vector<double> weights;
    std::vector<std::string> unweighted_columns;  // labels of columns with no population share

    // Column percentage, 0 when the base is 0.
    double percent(std::size_t row, std::size_t column) const;
    // Percentage of the row's total (column 0), 0 when that is 0; weighted when weighting.
    double row_percent(std::size_t row, std::size_t column) const;
    // The percentage asked for (percent_base).
    double shown_percent(std::size_t row, std::size_t column) const;
    double weighted_count(std::size_t row, std::size_t column) const;
    double weighted_base(std::size_t column) const;
    bool is_small(std::size_t column) const { return bases[column] < small_base; }
    bool is_suppressed(std::size_t column) const { return bases[column] < min_base; }
};

struct CrosstabOptions {
    bool every_member = false;  // count each member of a campaign, not the campaign once
    CountUnit unit = CountUnit::responses;
    PercentBase percent_base = PercentBase::column;
    Adjustment adjustment = Adjustment::benjamini_hochberg;
    double significance_level = 0.05;
    Xapian::doccount small_base = 30;
    Xapian::doccount min_base = 10;
    // Population share (a fraction) by column key. Each column present is
    // weighted by its population share / its sample share (base / all), so a
    // weighted base is what the column would hold were the sample like the
    // population; columns absent keep weight 1, as does the All column.
    // Percentages within a column and the tests are unaffected (a constant per
    // column); weighted counts, bases and row percentages change.
    std::optional<std::map<std::string, double>> column_population_shares = std::nullopt;
};

// Rows come in codebook order for themes and groups (then any not in the
// codebook), largest first for channels, events and questions, positive, mixed,
// negative for polarity, in value order for attributes (numbers by value:
// "16-24" before "65+"); with rows = theme, a last row counts the responses no
// theme caught (key ""). A response without a channel, event, question,
// polarity or the attribute counts under "(not given)". Polarities are keyed
// "positive", ... and labelled "Positive", ...
// Throws std::invalid_argument when an attribute axis names no stored attribute.
Crosstab crosstab(const Xapian::Database& db, const Axis& rows, const Axis& columns,
                  const CrosstabOptions& options = {});

}  // namespace yousaid
