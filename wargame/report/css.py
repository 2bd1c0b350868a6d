"""Stylesheets of the report: one for browsers (screen and print), one for Qt's rich text.

Qt's rich-text engine (used for the PDF) understands a CSS subset: class selectors, colours,
fonts, margins, cell padding and borders, page breaks. The browser sheet adds layout niceties.
"""
from __future__ import annotations

COMMON = """
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222222; }
h1 { font-size: 20pt; margin-bottom: 2pt; color: #1a1a1a; }
h2 { font-size: 15pt; margin-top: 18pt; margin-bottom: 6pt; color: #1a1a1a; }
h3 { font-size: 12pt; margin-top: 12pt; margin-bottom: 4pt; color: #1a1a1a; }
p { margin-top: 3pt; margin-bottom: 5pt; }
.sub { color: #555555; }
.small { font-size: 8.5pt; color: #555555; }
.caption { font-size: 8.5pt; color: #555555; margin-top: 2pt; }
.muted { color: #666666; }
.lead { font-size: 11pt; }
th { text-align: left; background-color: #eeeeee; font-weight: bold; }
td.num, th.num { text-align: right; }
tr.quarter td { background-color: #f3f3f3; font-weight: bold; }
tr.crisis td { background-color: #fff4e0; }
tr.total td { font-weight: bold; background-color: #f3f3f3; }
.cat { font-weight: bold; color: #444444; }
.deterred { color: #1b7f3b; font-weight: bold; }
.contained { color: #9a6a00; font-weight: bold; }
.damaging { color: #b3261e; font-weight: bold; }
.honoured { color: #1b7f3b; }
.short { color: #b3261e; font-weight: bold; }
.track { color: #555555; font-style: italic; }
.note { background-color: #f7f7f7; }
.newpage { page-break-before: always; }
table.timeline td { font-size: 8.5pt; }
"""

WEB = COMMON + """
body { max-width: 52em; margin: 2em auto; padding: 0 1.2em; line-height: 1.42; font-size: 10.5pt; }
h1 { font-size: 22pt; }
h2 { border-bottom: 2px solid #222222; padding-bottom: 2pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; font-size: 9.5pt; }
th, td { border: 1px solid #cccccc; padding: 3pt 6pt; vertical-align: top; }
figure { margin: 8pt 0 14pt 0; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
.card { border: 1px solid #cccccc; border-left: 5px solid #999999; padding: 4pt 10pt 6pt 10pt;
        margin: 10pt 0; page-break-inside: avoid; }
.glance td { border: none; padding: 2pt 8pt 2pt 0; }
.glance { width: auto; }
ol li { margin-bottom: 5pt; }
.chip { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
"""

QT = COMMON + """
body { font-size: 9.5pt; }
h1 { margin-top: 0px; margin-bottom: 2px; }
h2 { margin-top: 22px; margin-bottom: 6px; }
h3 { margin-top: 14px; margin-bottom: 4px; }
li { margin-bottom: 6px; }
table { margin-top: 4px; margin-bottom: 8px; border-collapse: collapse; }
th, td { border: 1px solid #cccccc; padding: 3px; }
table.glance td { border: none; }
"""
