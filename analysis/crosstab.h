#pragma once
// Cross-tabulation of responses: rows by columns, each cell a count of responses
// in both, each column with its base (the responses in that column) so cells
// can be read as column percentages. Themes and groups are multi-valued: one
// response counts in every row and column it belongs to. A campaign (campaigns.h)
// counts once, as its first member, unless every member is asked for.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace yousaid {

enum class Dimension { theme, group, channel, event };

// "theme", "group", "channel", "event"; nullopt for anything else.
std::optional<Dimension> parse_dimension(const std::string& name);
std::string dimension_name(Dimension dimension);

struct Crosstab {
    Dimension row_dimension = Dimension::theme;
    Dimension column_dimension = Dimension::channel;
    std::vector<std::string> row_keys;      // ids (theme, group) or names (channel, event)
    std::vector<std::string> row_labels;    // titles from the codebook, else the key
    std::vector<std::string> column_keys;   // the first column is every response: key ""
    std::vector<std::string> column_labels; // the first is "All responses"
    std::vector<Xapian::doccount> bases;    // per column
    std::vector<std::vector<Xapian::doccount>> counts;  // [row][column]
    Xapian::doccount campaigns = 0;         // campaigns in the store
    Xapian::doccount campaign_members = 0;  // their members, first members included
    bool every_member = false;              // each member counted (CrosstabOptions)

    // Column percentage, 0 when the base is 0.
    double percent(std::size_t row, std::size_t column) const;
};

struct CrosstabOptions {
    bool every_member = false;  // count each member of a campaign, not the campaign once
};

// Rows come in codebook order for themes and groups (then any not in the
// codebook), largest first for channels and events; with rows = theme, a last
// row counts the responses no theme caught (key "").
Crosstab crosstab(const Xapian::Database& db, Dimension rows, Dimension columns,
                  const CrosstabOptions& options = {});

}  // namespace yousaid
