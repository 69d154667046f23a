#!/usr/bin/env bash
# Whole-run benchmark: MB/s per core, pages/s and peak memory of `newsclean clean` over
# the development corpus's HTML pages (Chinese and English) and a large batch of
# assembled plain-text pages, with 1 and 2 jobs. Runs trafilatura on the same HTML
# pages when it is installed (pip install trafilatura) and prints the ratio.
# Timings come from the best of REPEAT runs; never run this as a test.
#
# usage: scripts/bench.sh [CORPUS_DIR]   (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
repeat=${REPEAT:-3}
cargo build --release --quiet
bin=target/release/newsclean
work=target/bench
rm -rf "$work" && mkdir -p "$work/zh" "$work/en" "$work/text"
cp "$corpus"/zh_html/*.html "$work/zh/"
cp "$corpus"/en_html/*.html "$work/en/"
python3 scripts/assemble_noisy.py "$corpus/zh_html" "$corpus/en_html" --out "$work/noisy" --seed 7 >/dev/null
# About 50 MB of text pages: the assembled set, copied under new names.
for i in $(seq 1 20); do
  for f in "$work"/noisy/*.txt; do cp "$f" "$work/text/$i-$(basename "$f")"; done
done

measure() { # label dir jobs [extra flags]
  local label=$1 dir=$2 jobs=$3 flags=${4:-} best="" mem=""
  local bytes pages
  bytes=$(cat "$dir"/* | wc -c)
  pages=$(ls "$dir" | wc -l)
  for _ in $(seq 1 "$repeat"); do
    local out
    out=$( { /usr/bin/time -f "%e %M" "$bin" clean --quiet --jobs "$jobs" $flags "$dir" >/dev/null; } 2>&1 | tail -1)
    local secs=${out% *} kb=${out#* }
    if [ -z "$best" ] || awk "BEGIN {exit !($secs < $best)}"; then best=$secs; mem=$kb; fi
  done
  awk -v l="$label" -v j="$jobs" -v b="$bytes" -v p="$pages" -v s="$best" -v m="$mem" 'BEGIN {
    if (s < 0.01) s = 0.01
    printf "%-26s jobs %d  %7.1f MB  %6d pages  %6.2f s  %7.1f MB/s  %8.0f pages/s  peak %6.1f MB\n", l, j, b/1e6, p, s, b/1e6/s, p/s, m/1024 }'
}

echo "newsclean $(git rev-parse --short HEAD) on $(nproc) cores, best of $repeat"
# Page by page (--no-batch): the cleaning itself, comparable with single-page peers.
for jobs in 1 2; do
  measure "zh html (dev corpus)" "$work/zh" "$jobs" --no-batch
  measure "en html (dev corpus)" "$work/en" "$jobs" --no-batch
  measure "text (assembled, x20)" "$work/text" "$jobs" --no-batch
done
# As a batch (the default for folders): two passes, cross-page boilerplate, near-duplicates.
measure "text x20, batch" "$work/text" 2

if python3 -c "import trafilatura" 2>/dev/null; then
  for lang in zh en; do
    secs=$( { /usr/bin/time -f "%e" python3 - "$work/$lang" <<'PY' ; } 2>&1 | tail -1
import pathlib, sys, trafilatura
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
    trafilatura.extract(p.read_bytes())
PY
)
    bytes=$(cat "$work/$lang"/* | wc -c)
    awk -v l="$lang" -v b="$bytes" -v s="$secs" 'BEGIN { printf "trafilatura %s html           %6.2f s  %7.1f MB/s\n", l, s, b/1e6/s }'
  done
else
  echo "trafilatura not installed: peer comparison skipped (pip install trafilatura)"
fi
