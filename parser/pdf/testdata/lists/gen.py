#!/usr/bin/env python3
"""Regenerates the list-shaped test PDFs in this directory with real producers.

Needs libreoffice-writer, chromium, fonts-liberation, fonts-noto-cjk,
poppler-utils (pdftoppm) and img2pdf:
    apt-get install -y libreoffice-writer chromium fonts-liberation fonts-noto-cjk poppler-utils img2pdf
Run: python3 gen.py   (writes the PDFs next to this script; the tests never run it)

Each shape is made twice, by different producers or with different fonts,
indents and widths:
  bullets-lo-serif.pdf    LibreOffice, bullet list style, text 2.2 cm right of the bullet
  bullets-lo-cjk.pdf      LibreOffice, Noto Sans CJK, "■" bullets 3.5 cm from the text, a "1." numbered list
  bullets-chromium.pdf    Chromium, <ul> with a 7em item padding, <ol> numbers, "–" string markers
  twocol-lo.pdf           LibreOffice, a section in two columns
  twocol-chromium.pdf     Chromium, CSS column-count: 2
  running-lo.pdf          LibreOffice, a table over pages, legend in the page header, as-of in the footer
  running-chromium.pdf    Chromium, the same with @page margin boxes (legend top, as-of and page bottom)
  scanned.pdf             running-lo.pdf's first page rasterised and wrapped as an image-only PDF
  mixed.pdf               Chromium: text with a small picture (page 1), then only a picture of a page (page 2)
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

CHINA = ["Nanjing University (1982)", "Jilin University (1985)",
         "Huazhong University of Science and Technology (1986)", "Tsinghua University (1989)",
         "Fudan University (1999)", "Xi'an Jiaotong University (1999)", "Zhejiang University (2000)",
         "Shanghai Jiao Tong University (2001)", "Tongji University (2001)", "Northeastern University (2001)",
         "Peking University (2002)", "Harbin Institute of Technology (2002)"]
KOREA = ["Mokpo National University (1999)", "Gyeongsang National University (1999)",
         "Ewha Womans University (2002)", "Hanyang University (2004)", "Korea University (2006)",
         "Seoul National University (2006)", "Kyung Hee University (2007)", "Yonsei University (2008)"]
JA_CHINA = ["同済大学 (2006.4.5)", "上海師範大学 (2006.2.28)", "中国人民大学 (2002.3.20)",
            "大連外国語大学 (2002.4.12)", "北京大学 (2005.4.1)", "復旦大学 (1999.10.1)"]
JA_KOREA = ["ソウル大学校 (2010.12.12)", "高麗大学校 (2003.6.1)", "延世大学校 (2004.9.15)",
            "梨花女子大学校 (2008.3.3)"]
NUMBERED = ["Royal University of Phnom Penh (2010)", "Royal University of Agriculture (2012)",
            "Royal University of Law and Economics (2013)"]

TWO_COL = [("China", CHINA), ("Korea", KOREA),
           ("Indonesia", ["Gadjah Mada University (1995)", "Institute of Technology Bandung (2008)",
                          "University of Indonesia (2010)"])]

TABLE_ROWS = []
for country, names in [("China", CHINA), ("Korea", KOREA)] * 4:
    for n in names:
        name, year = n.rsplit(" (", 1)
        TABLE_ROWS.append((country, name, year.rstrip(")")))
LEGEND = "* indicates institutions with which we have mutually agreed to waive fees."
AS_OF = "(as of May 1, 2021)"

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>%s</dc:title><meta:creation-date>2021-05-01T00:00:00</meta:creation-date><dc:date>2021-05-01T00:00:00</dc:date></office:meta>
"""


def x(s):
    return escape(s, {'"': "&quot;"})


def para_styles(font, size):
    return f"""
  <style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-family="'{font}'" fo:font-size="{size}"/></style:style>
  <style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-family="'{font}'" fo:font-size="{size}" fo:font-weight="bold"/></style:style>
  <style:style style:name="T" style:family="paragraph"><style:text-properties fo:font-family="'{font}'" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
"""


def page_layout(header="", footer=""):
    hs = '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>' if header else ""
    fs = '<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>' if footer else ""
    return f"""
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>{hs}{fs}</style:page-layout>
"""


def master(header="", footer=""):
    h = f"<style:header>{header}</style:header>" if header else ""
    f = f"<style:footer>{footer}</style:footer>" if footer else ""
    return f"""<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{h}{f}</style:master-page></office:master-styles>"""


def bullet_style(name, char, font, indent_cm, label_cm):
    fp = f'<style:text-properties fo:font-family="\'{font}\'"/>' if font else ""
    return f"""
  <text:list-style style:name="{name}"><text:list-level-style-bullet text:level="1" text:bullet-char="{char}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{indent_cm}cm" fo:text-indent="-{indent_cm - label_cm}cm" fo:margin-left="{indent_cm}cm"/>
   </style:list-level-properties>{fp}</text:list-level-style-bullet></text:list-style>
"""


def number_style(name, indent_cm, label_cm):
    return f"""
  <text:list-style style:name="{name}"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{indent_cm}cm" fo:text-indent="-{indent_cm - label_cm}cm" fo:margin-left="{indent_cm}cm"/>
   </style:list-level-properties></text:list-level-style-number></text:list-style>
"""


def lst(style, items):
    return f'<text:list text:style-name="{style}">' + "".join(
        f'<text:list-item><text:p text:style-name="P">{x(i)}</text:p></text:list-item>' for i in items) + "</text:list>"


def fodt(title, styles, body, master_xml):
    return (FODT_HEAD % x(title) + "<office:automatic-styles>" + styles + "</office:automatic-styles>"
            + master_xml + "<office:body><office:text>" + body + "</office:text></office:body></office:document>")


def soffice(tmp, name, doc):
    src = os.path.join(tmp, name + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(doc)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + tmp + "/lo-profile", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", tmp, src], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(HERE, name + ".pdf"))


def chromium(tmp, name, html):
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html)
    out = os.path.join(tmp, name + ".pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + os.path.join(tmp, "chromium-profile"), "--no-pdf-header-footer",
                    "--print-to-pdf=" + out, "file://" + src], check=True, capture_output=True)
    shutil.copy(out, os.path.join(HERE, name + ".pdf"))


def bullets_lo_serif(tmp):
    styles = para_styles("Liberation Serif", "11pt") + page_layout() + bullet_style("L1", "•", "OpenSymbol", 2.5, 0.3)
    body = '<text:p text:style-name="T">Inter-University Agreements</text:p>'
    for country, names in [("CHINA", CHINA), ("KOREA", KOREA)]:
        body += f'<text:p text:style-name="H">{country}</text:p>' + lst("L1", names)
    soffice(tmp, "bullets-lo-serif", fodt("Inter-University Agreements", styles, body, master()))


def bullets_lo_cjk(tmp):
    styles = (para_styles("Noto Sans CJK JP", "10.5pt") + page_layout()
              + bullet_style("L1", "■", "", 4.5, 1.0) + number_style("L2", 3.0, 0.5))
    body = '<text:p text:style-name="T">学術交流協定校一覧</text:p>'
    for country, names in [("中国", JA_CHINA), ("韓国", JA_KOREA)]:
        body += f'<text:p text:style-name="H">{country}</text:p>' + lst("L1", names)
    body += '<text:p text:style-name="H">Cambodia</text:p>' + lst("L2", NUMBERED)
    soffice(tmp, "bullets-lo-cjk", fodt("学術交流協定校一覧", styles, body, master()))


def bullets_chromium(tmp):
    def ul(items, cls):
        return f'<ul class="{cls}">' + "".join(f"<li>{x(i)}</li>" for i in items) + "</ul>"
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inter-University Agreements</title>
<style>
body {{ font-family: "Liberation Sans", sans-serif; font-size: 10pt; }}
ul.wide li {{ padding-left: 7em; }}
ol.wide li {{ padding-left: 5em; }}
ul.dash {{ list-style-type: "\\2013"; }}
ul.dash li {{ padding-left: 4em; }}
</style></head><body>
<h1>Inter-University Agreements</h1>
<h2>China</h2>{ul(CHINA, "wide")}
<h2>Korea</h2>{ul(KOREA, "dash")}
<h2>Cambodia</h2><ol class="wide">{"".join(f"<li>{x(i)}</li>" for i in NUMBERED)}</ol>
</body></html>"""
    chromium(tmp, "bullets-chromium", html)


def twocol_lo(tmp):
    styles = (para_styles("Liberation Sans", "10pt") + page_layout()
              + """<style:style style:name="S1" style:family="section"><style:section-properties>
  <style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>""")
    inner = ""
    for country, names in TWO_COL:
        inner += f'<text:p text:style-name="H">{country}</text:p>' + "".join(
            f'<text:p text:style-name="P">{x(n)}</text:p>' for n in names)
    body = ('<text:p text:style-name="T">Inter-University Agreements</text:p>'
            f'<text:section text:style-name="S1" text:name="Entries">{inner}</text:section>'
            '<text:p text:style-name="P">The list is updated every year.</text:p>')
    soffice(tmp, "twocol-lo", fodt("Inter-University Agreements", styles, body, master()))


def twocol_chromium(tmp):
    inner = "".join(f"<h3>{x(c)}</h3>" + "".join(f"<p>{x(n)}</p>" for n in names) for c, names in TWO_COL)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inter-University Agreements</title>
<style>
body {{ font-family: "DejaVu Serif", serif; font-size: 9pt; }}
.cols {{ column-count: 2; column-gap: 3em; }}
h3 {{ font-size: 10pt; margin: 0.6em 0 0.2em; break-after: avoid; }}
p {{ margin: 0 0 0.25em; }}
</style></head><body>
<h1>Inter-University Agreements</h1>
<div class="cols">{inner}</div>
<p>The list is updated every year.</p>
</body></html>"""
    chromium(tmp, "twocol-chromium", html)


def table_rows_fodt():
    cell = '<table:table-cell table:style-name="C"><text:p text:style-name="P">%s</text:p></table:table-cell>'
    rows = '<table:table-header-rows><table:table-row>' + "".join(cell % h for h in ("Country", "Institution", "Year")) + "</table:table-row></table:table-header-rows>"
    for i, (c, n, y) in enumerate(TABLE_ROWS):
        if i % 3 == 0:
            n = "* " + n
        rows += "<table:table-row>" + "".join(cell % x(v) for v in (c, n, y)) + "</table:table-row>"
    return rows


def running_lo(tmp):
    styles = (para_styles("Liberation Sans", "10pt") + page_layout(True, True)
              + '<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>')
    body = ('<text:p text:style-name="T">Inter-University Agreements</text:p>'
            '<table:table table:name="Agreements"><table:table-column table:number-columns-repeated="3"/>'
            + table_rows_fodt() + "</table:table>")
    m = master(f'<text:p text:style-name="P">{x(LEGEND)}</text:p>',
               f'<text:p text:style-name="P">{x(AS_OF)} <text:page-number text:select-page="current"/></text:p>')
    soffice(tmp, "running-lo", fodt("Inter-University Agreements", styles, body, m))


def running_chromium(tmp):
    rows = "".join(f"<tr><td>{x(c)}</td><td>{'* ' if i % 3 == 0 else ''}{x(n)}</td><td>{y}</td></tr>"
                   for i, (c, n, y) in enumerate(TABLE_ROWS))
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inter-University Agreements</title>
<style>
@page {{ size: A4; margin: 22mm 18mm;
  @top-left {{ content: "{LEGEND}"; font: 8pt "Liberation Serif"; }}
  @bottom-left {{ content: "{AS_OF}"; font: 8pt "Liberation Serif"; }}
  @bottom-right {{ content: "Page " counter(page); font: 8pt "Liberation Serif"; }} }}
body {{ font-family: "Liberation Serif", serif; font-size: 11pt; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #000; padding: 2px 5px; }}
</style></head><body>
<h1>Inter-University Agreements</h1>
<table><thead><tr><th>Country</th><th>Institution</th><th>Year</th></tr></thead><tbody>{rows}</tbody></table>
</body></html>"""
    chromium(tmp, "running-chromium", html)


def scanned(tmp):
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "100", "-gray", "-png",
                    os.path.join(HERE, "running-lo.pdf"), os.path.join(tmp, "scan")], check=True)
    png = [f for f in os.listdir(tmp) if f.startswith("scan") and f.endswith(".png")][0]
    subprocess.run(["img2pdf", "--output", os.path.join(HERE, "scanned.pdf"), os.path.join(tmp, png)], check=True)


def mixed(tmp):
    """A page of text with a small picture, then a page that is only a picture of a page (a scan
    printed by Chromium): only page 2 is image-only."""
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-gray", "-png", "-singlefile",
                    os.path.join(HERE, "running-lo.pdf"), os.path.join(tmp, "page")], check=True)
    png = os.path.join(tmp, "page.png")
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Agreements</title>
<style>@page {{ size: A4; margin: 10mm; }} .scan {{ break-before: page; }} .scan img {{ width: 180mm; }}</style></head>
<body><img src="file://{png}" width="120"><h1>Inter-University Agreements</h1>
<p>The list as of May 1, 2021 follows on the next page.</p>
<div class="scan"><img src="file://{png}"></div></body></html>"""
    chromium(tmp, "mixed", html)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for f in (bullets_lo_serif, bullets_lo_cjk, bullets_chromium, twocol_lo, twocol_chromium,
                  running_lo, running_chromium, scanned, mixed):
            f(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
