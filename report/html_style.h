#pragma once
// The HTML report's style sheet (html_renderer.h), inlined in its <head>: the
// PDF's colours and order, text large and spaced enough to read on a screen,
// colours of at least 4.5:1 contrast for text, a visible focus outline, and
// print rules (A4, nothing split that should stay whole, a DRAFT mark on
// every printed page of a draft). It holds no '<' or '&', so the page stays
// well-formed XML.

namespace yousaid::report {

extern const char* const kHtmlStyle;

}  // namespace yousaid::report
