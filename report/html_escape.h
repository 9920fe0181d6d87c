#pragma once
// Text for HTML and inline SVG, in element content and in quoted attribute
// values alike.
#include <string>
#include <string_view>

namespace yousaid::report {

// `text` (UTF-8) with & < > " ' written as &amp; &lt; &gt; &quot; &#39;, so it
// can go between tags or inside an attribute's quotes (single or double). A
// control character that HTML and XML forbid (C0 other than tab, line feed and
// carriage return; DEL) becomes U+FFFD, so the output stays well-formed. Other
// bytes are copied as they are.
std::string escape_html(std::string_view text);

}  // namespace yousaid::report
