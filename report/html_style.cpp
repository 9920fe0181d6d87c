#include "report/html_style.h"

namespace yousaid::report {

const char* const kHtmlStyle = R"css(
body { margin: 0 auto; max-width: 46rem; padding: 0 1.25rem 3rem; background: #fff; color: #212121;
  font-family: Arial, "Helvetica Neue", Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 1.0625rem; line-height: 1.55; }
a { color: #005eb8; }
a:visited { color: #330072; }
a:focus { outline: 3px solid #ffb81c; outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: 0.5rem 0; }
.draft { position: sticky; top: 0; z-index: 1; margin: 0 -1.25rem; padding: 0.5rem 1.25rem;
  background: #fdecea; border-bottom: 3px solid #b3261e; color: #8c1d18; }
.draft strong { letter-spacing: 0.1em; margin-right: 0.5rem; }
.draft-mark { display: none; }
.cover { border-top: 0.75rem solid #005eb8; border-bottom: 1px solid #b8b8b8; padding: 1.5rem 0 1.25rem; }
.cover p { margin: 0; }
.programme { color: #005eb8; font-weight: bold; font-size: 1.125rem; }
h1 { color: #003087; font-size: 2.5rem; line-height: 1.15; margin: 0.5rem 0; }
.subtitle { color: #595959; font-size: 1.25rem; line-height: 1.35; }
.cover .date { font-weight: bold; margin-top: 1.25rem; }
.author { color: #595959; }
h2 { color: #003087; font-size: 1.625rem; line-height: 1.25; margin: 2.75rem 0 1rem; padding-bottom: 0.3rem;
  border-bottom: 2px solid #005eb8; }
h3 { color: #003087; font-size: 1.25rem; line-height: 1.3; margin: 2.25rem 0 0.4rem; }
h2, h3 { scroll-margin-top: 3.5rem; }
nav ol { padding-left: 1.75rem; }
nav li { margin: 0.3rem 0; }
.table-scroll { overflow-x: auto; margin: 1.5rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; line-height: 1.35; }
caption { text-align: left; font-weight: bold; color: #003087; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d0d0d0; }
thead th { vertical-align: bottom; background: #e5eef7; border-bottom: 2px solid #005eb8; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.note { color: #595959; font-size: 0.875rem; margin: 0.25rem 0 1rem; }
figure { margin: 2rem 0 0.5rem; }
figcaption { font-weight: bold; color: #003087; margin-bottom: 0.5rem; }
.chart-scroll { overflow-x: auto; }
svg.chart { display: block; width: 100%; min-width: 33rem; height: auto; }
.summary { margin-top: 0; }
blockquote { margin: 0.9rem 0 0.9rem 0.25rem; padding: 0.1rem 0 0.1rem 1rem; border-left: 4px solid #9ec2e6; }
blockquote p { font-style: italic; margin: 0; }
blockquote footer { color: #595959; font-size: 0.875rem; margin-top: 0.25rem; }
.we-did { background: #edf3ef; border-left: 4px solid #00977a; padding: 0.75rem 1rem; margin-top: 1.1rem; }
.we-did p { margin: 0 0 0.4rem; }
.we-did p:last-child { margin-bottom: 0; }
.we-did .label { font-weight: bold; color: #006747; }
.we-did .none { font-style: italic; color: #595959; }
.we-did .meta { color: #4d4d4d; font-size: 0.875rem; padding-top: 0.2rem; }
.we-did .status { white-space: nowrap; }
@media print {
  @page { size: A4; margin: 20mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .skip { display: none; }
  .draft { position: static; margin: 0 0 1rem; }
  .draft-mark { display: block; position: fixed; top: 40%; left: 0; right: 0; z-index: -1; text-align: center;
    color: #e6e6e6; font-size: 120pt; font-weight: bold; transform: rotate(-45deg); }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
  .table-scroll, .chart-scroll { overflow: visible; }
  svg.chart { min-width: 0; }
  h2, h3, caption, figcaption, .lead { break-after: avoid; }
  tr, figure, blockquote, .we-did, .lead, .short { break-inside: avoid; }
}
)css";

}  // namespace yousaid::report
