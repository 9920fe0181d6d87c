#include <doctest/doctest.h>

#include "analysis/query_filters.h"

using yousaid::split_query_filters;

TEST_CASE("top-level filters are taken out of the query to apply to all of it") {
    const std::vector<std::string> fields = {"theme", "channel", "event"};
    struct Case {
        const char* query;
        const char* words;
        const char* filters;  // field=value;... and !field=value; for excluded ones
    } cases[] = {
        {"lonely OR isolated channel:telephone", "lonely OR isolated ", "channel=telephone;"},
        {"channel:telephone", "", "channel=telephone;"},
        {"event:\"Tesco Macclesfield\" bus", " bus", "event=Tesco Macclesfield;"},
        {"theme:gp-access theme:carers wait*", "  wait*", "theme=gp-access;theme=carers;"},
        // Negated: excluded from the whole query.
        {"lonely NOT channel:telephone", "lonely ", "!channel=telephone;"},
        {"lonely -channel:telephone", "lonely ", "!channel=telephone;"},
        {"-theme:gp-access", "", "!theme=gp-access;"},
        {"NOT theme:gp-access NOT theme:carers", " ", "!theme=gp-access;!theme=carers;"},
        {"bus -rural", "bus -rural", ""},
        {"bus NOT rural", "bus NOT rural", ""},
        // An AND before a top-level filter goes with it.
        {"bus AND channel:telephone", "bus ", "channel=telephone;"},
        {"bus AND NOT channel:telephone", "bus ", "!channel=telephone;"},
        {"bus AND -channel:telephone", "bus ", "!channel=telephone;"},
        {"bus AND rural", "bus AND rural", ""},
        // Inside parentheses, or an unknown field: left for Xapian's QueryParser.
        {"(bus channel:telephone) OR lonely", "(bus channel:telephone) OR lonely", ""},
        {"\"channel:telephone\" phrase", "\"channel:telephone\" phrase", ""},
        {"colour:red car", "colour:red car", ""},
        {"unclosed \"quote channel:x", "unclosed \"quote channel:x", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        auto split = split_query_filters(c.query, fields);
        CHECK(split.words == c.words);
        std::string filters;
        for (const auto& [f, v] : split.filters) filters += f + "=" + v + ";";
        for (const auto& [f, v] : split.excluded) filters += "!" + f + "=" + v + ";";
        CHECK(filters == c.filters);
    }
}
