#!/bin/sh
# Regenerates the table test PDFs in this directory from the HTML below.
# Needs chromium and fonts-liberation. The PDFs carry
# creation dates, so their bytes change on every run: regenerate only when a
# case changes, then run `go test ./parser/pdf -run TablesGolden -update`
# and review the golden diff.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

head='<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 15mm; }
body { font-family: "Liberation Sans", sans-serif; font-size: 10pt; }
table { border-collapse: collapse; margin-bottom: 18pt; }
th, td { padding: 2pt 5pt; text-align: left; vertical-align: top; }
.ruled th, .ruled td { border: 0.75pt solid #000; }
.inner td, .inner th { border-left: 0.75pt solid #000; border-top: 0.75pt solid #000; }
.inner tr > :first-child { border-left: none; }
.inner tr:first-child > * { border-top: none; }
.plain th, .plain td { padding: 1pt 14pt 1pt 0; }
</style></head><body>'

# 1. Two ruled tables on one page, spans in header and body; a grid
#    drawn without its outer frame.
cat >"$tmp/lattice.html" <<HTML
$head
<h3>Partner institutions (as of May 1, 2021)</h3>
<table class="ruled">
<tr><th rowspan="2">Country</th><th colspan="2">Partner Institution</th><th rowspan="2">Year</th></tr>
<tr><th>Institution</th><th>Department</th></tr>
<tr><td rowspan="3">China</td><td>Fudan University</td><td>Department of History</td><td>2019/08/01</td></tr>
<tr><td rowspan="2">Peking University</td><td>Center for Nanoscale Science and Technology</td><td>1998/11/05</td></tr>
<tr><td>Center of Japanese Studies</td><td>1999/05/18</td></tr>
<tr><td>India</td><td colspan="2">Indian Institute of Technology Madras</td><td>2013/12/16</td></tr>
</table>
<p>Total: 4 agreements</p>
<table class="inner">
<tr><th>Region</th><th>Agreements</th><th>Share</th></tr>
<tr><td>Asia</td><td>312</td><td>64.9%</td></tr>
<tr><td>Europe</td><td>101</td><td>21.0%</td></tr>
<tr><td>North America</td><td>68</td><td>14.1%</td></tr>
</table>
</body></html>
HTML

# 2. A table set in white space, with a wrapped cell.
cat >"$tmp/stream.html" <<HTML
$head
<h3>Department level agreements</h3>
<p>The list below is not ruled.</p>
<table class="plain">
<tr><th>Country</th><th>Partner Institution</th><th>Department at Tohoku</th><th>Year</th></tr>
<tr><td>Bangladesh</td><td>University of Dhaka</td><td>GS Agricultural Science</td><td>2014/04/27</td></tr>
<tr><td>China</td><td>Beijing Hospital</td><td>GS Medicine</td><td>1994/11/16</td></tr>
<tr><td></td><td>Beijing Institute of Technology</td><td>GS Engineering</td><td>2019/08/08</td></tr>
<tr><td></td><td style="width:150pt">China University of Petroleum (East China) at Qingdao campus</td><td>GS Engineering</td><td>2019/02/27</td></tr>
<tr><td>India</td><td>Indian Institute of Science</td><td>GS Biomedical Engineering</td><td>2019/04/05</td></tr>
<tr><td>Indonesia</td><td>Airlangga University</td><td>GS Dentistry</td><td>2015/02/16</td></tr>
</table>
<p>(* indicates a fee waiver.)</p>
</body></html>
HTML

# 3. A ruled table over three pages; the browser repeats the header.
{
	echo "$head<h3>Agreements by partner</h3><table class=\"ruled\"><thead><tr><th>No.</th><th>Partner</th><th>Unit</th><th>Year</th></tr></thead><tbody>"
	i=1
	while [ $i -le 120 ]; do
		echo "<tr><td>$i</td><td>Partner University $i</td><td>Faculty of Studies $((i % 7))</td><td>$((1990 + i % 30))/0$((1 + i % 9))/1$((i % 10))</td></tr>"
		i=$((i + 1))
	done
	echo "</tbody></table><p>120 agreements</p></body></html>"
} >"$tmp/pages.html"

for c in lattice stream pages; do
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
		--no-pdf-header-footer --print-to-pdf="chromium-$c.pdf" "file://$tmp/$c.html" 2>/dev/null
done
