#!/usr/bin/env bash
# Renders an HTML page fiscal wrote in headless Chromium at A4 landscape width (297 mm =
# 1123 CSS px) and prints what a browser made of it, one fact a line:
#   screenshot WIDTHxHEIGHT   the PNG Chromium wrote
#   tables N                  <table> elements in the DOM
#   overflow PX               how far the page is wider than the A4 viewport (0: none)
#   svg N                     inline <svg> elements
#   external N                elements that would fetch something (src/href to http)
# Exit 3 when no Chromium is installed (the test then skips).
#   Tests/Scripts/check_html.sh page.html
set -euo pipefail
page=$1
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "chromium is not installed (apt-get install chromium)" >&2; exit 3; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy with a probe script: it measures after layout and writes its findings into the DOM,
# which --dump-dom then prints.
sed 's#</body>#<script>addEventListener("load",()=>{const d=document.documentElement;const p=document.createElement("pre");p.id="probe";p.textContent="tables "+document.querySelectorAll("table").length+"\\noverflow "+Math.max(0,d.scrollWidth-window.innerWidth)+"\\nsvg "+document.querySelectorAll("svg").length+"\\nexternal "+document.querySelectorAll("[src^=http],link[href^=http]").length;document.body.appendChild(p);});</script></body>#' "$page" > "$work/page.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --window-size=1123,794 --virtual-time-budget=3000)
"$browser" "${flags[@]}" --screenshot="$work/shot.png" "file://$page" >/dev/null 2>&1
"$browser" "${flags[@]}" --dump-dom "file://$work/page.html" 2>/dev/null > "$work/dom.html"
python3 - "$work/shot.png" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", head[16:24])
print(f"screenshot {w}x{h}")
PY
sed -n '/<pre id="probe">/,/<\/pre>/p' "$work/dom.html" | sed 's#<pre id="probe">##; s#</pre>.*##'
