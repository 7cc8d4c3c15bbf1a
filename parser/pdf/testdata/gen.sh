#!/bin/sh
# Regenerates the small test PDFs in this directory.
# Needs chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/ja-table.html" <<'HTML'
<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>学術交流協定一覧</title>
<style>
body { font-family: "Noto Sans CJK JP", sans-serif; font-size: 11pt; }
table { border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3px 6px; }
th { font-weight: bold; }
</style></head><body>
<h1>学術交流協定一覧</h1>
<p>2024年4月1日現在</p>
<ul><li>＊は授業料等不徴収</li><li>大学間協定</li></ul>
<table>
<tr><th>国・地域</th><th>大学名</th><th>締結日</th></tr>
<tr><td>中国</td><td>北京大学 Peking University</td><td>2005.4.1</td></tr>
<tr><td>韓国</td><td>ソウル大学校 ＊</td><td>2010.12.12</td></tr>
<tr><td>オーストリア</td><td>ウィーン工科大学 Technische Universität Wien</td><td>2019.3.5</td></tr>
</table>
</body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
	--no-pdf-header-footer --print-to-pdf="$tmp/ja-table.pdf" "file://$tmp/ja-table.html" 2>/dev/null
cp "$tmp/ja-table.pdf" chromium-ja-table.pdf

# Encrypted with AES-256 (which the PDF library does not read; pdfcpu
# rewrites the file), with an empty user password and with one. Needs qpdf.
qpdf --static-id --encrypt "" owner 256 -- chromium-ja-table.pdf broken/aes256-empty-password.pdf
qpdf --static-id --encrypt secret owner 256 -- chromium-ja-table.pdf broken/aes256-password.pdf

# Encrypted with 40-bit RC4 (whose keys the PDF library takes at the wrong
# length; filters.go decrypts its streams and title), empty user password.
qpdf --static-id --allow-weak-crypto --encrypt "" owner 40 -- chromium-ja-table.pdf broken/rc4-40-empty-password.pdf

# The standard security handler's revisions 2 to 4 (and 5, 6), each with a
# user password and with only an owner password, to check the empty
# password's check (password.go) against pdfcpu's. Needs qpdf.
mkdir -p encrypted
src=lists/twocol-lo.pdf
q() { out=$1; shift; qpdf --static-id --allow-weak-crypto "$@" -- "$src" "encrypted/$out.pdf"; }
q r2-user --encrypt secret owner 40
q r2-owner --encrypt "" owner 40
q r2-same --encrypt secret secret 40
q r3-rc4-user --encrypt secret owner 128 --use-aes=n
q r3-rc4-owner --encrypt "" owner 128 --use-aes=n
q r3-rc4-none --encrypt "" "" 128 --use-aes=n
q r4-rc4-user --encrypt secret owner 128 --use-aes=n --force-V4
q r4-aes-user --encrypt secret owner 128 --use-aes=y
q r4-aes-owner --encrypt "" owner 128 --use-aes=y
q r4-aes-same --encrypt secret secret 128 --use-aes=y
q r4-aes-clear-user --encrypt secret owner 128 --use-aes=y --cleartext-metadata
q r4-aes-clear-owner --encrypt "" owner 128 --use-aes=y --cleartext-metadata
q r4-aes-xref-user --object-streams=generate --encrypt secret owner 128 --use-aes=y
q r5-user --encrypt secret owner 256 --force-R5
q r6-user --encrypt secret owner 256
