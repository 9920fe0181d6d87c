#include "ingest/date_text.h"

#include <doctest/doctest.h>

namespace yousaid {
namespace {

TEST_CASE("dates: YYYY-MM-DD and DD/MM/YYYY, real calendar dates only") {
    struct Case {
        const char* text;
        const char* date;  // nullptr: not a date
    } cases[] = {
        {"2014-06-03", "2014-06-03"},
        {"03/06/2014", "2014-06-03"},  // UK order
        {"31/12/2014", "2014-12-31"},
        {"2014-01-31", "2014-01-31"},
        {"29/02/2016", "2016-02-29"},  // leap year
        {"2000-02-29", "2000-02-29"},  // divisible by 400: leap
        {"0001-01-01", "0001-01-01"},
        {"31/06/2014", nullptr},       // June has 30 days
        {"31/13/2014", nullptr},
        {"00/01/2014", nullptr},
        {"2014-00-10", nullptr},
        {"29/02/2014", nullptr},
        {"1900-02-29", nullptr},       // divisible by 100 but not 400
        {"0000-01-01", nullptr},
        {"2014-6-3", nullptr},
        {"3/6/2014", nullptr},
        {"06/03/14", nullptr},
        {"2014/06/03", nullptr},
        {"2014-06-03 ", nullptr},      // callers trim
        {" 2014-06-03", nullptr},
        {"2014-06-03T10:00", nullptr},
        {"", nullptr},
        {"June 2014", nullptr},
    };
    for (const Case& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const auto date = parse_date(text);
        if (c.date) {
            REQUIRE(date.has_value());
            CHECK(*date == c.date);
        } else {
            CHECK_FALSE(date.has_value());
        }
    }
}

}  // namespace
}  // namespace yousaid
