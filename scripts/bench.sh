#!/usr/bin/env bash
# Whole-run benchmark: MB/s per core, pages/s and peak memory of `newsclean clean` over
# the development corpus's HTML pages (Chinese and English) and a large batch of
# assembled plain-text pages, with 1 and 2 jobs. Runs the peers on the same HTML pages
# when they are available and prints the ratios: dom_smoothie (built from
# bench/dom_smoothie when cargo can fetch it) and trafilatura (pip install trafilatura).
# Timings are the best of REPEAT runs of the whole process; never run this as a test.
#
# usage: scripts/bench.sh [CORPUS_DIR]   (default ../shared/corpus)
#        MEMORY_PAGES="5000 20000 80000 160000" scripts/bench.sh   (also the memory curve)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
repeat=${REPEAT:-5}
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

# best SECONDS and PEAK_KB of a command over REPEAT runs, into the globals best / mem.
time_best() {
  best="" mem=""
  for _ in $(seq 1 "$repeat"); do
    local start end secs
    start=$(date +%s%N)
    /usr/bin/time -o "$work/time.out" -f "%M" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    if [ -z "$best" ] || awk "BEGIN {exit !($secs < $best)}"; then best=$secs; mem=$(tail -1 "$work/time.out"); fi
  done
}

measure() { # label dir jobs [extra flags]
  local label=$1 dir=$2 jobs=$3 flags=${4:-}
  local bytes pages
  bytes=$(cat "$dir"/* | wc -c)
  pages=$(ls "$dir" | wc -l)
  # shellcheck disable=SC2086
  time_best "$bin" clean --quiet --jobs "$jobs" $flags "$dir"
  awk -v l="$label" -v j="$jobs" -v b="$bytes" -v p="$pages" -v s="$best" -v m="$mem" 'BEGIN {
    printf "%-26s jobs %d  %7.1f MB  %6d pages  %7.3f s  %7.1f MB/s  %8.0f pages/s  peak %6.1f MB\n", l, j, b/1e6, p, s, b/1e6/s, p/s, m/1024 }'
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

# Peers on the same HTML pages, one core, against newsclean in the same run.
peer() { # name lang command...
  local name=$1 lang=$2 ours bytes
  shift 2
  time_best "$@"
  local theirs=$best
  time_best "$bin" clean --quiet --jobs 1 --no-batch "$work/$lang"
  ours=$best
  bytes=$(cat "$work/$lang"/* | wc -c)
  awk -v n="$name" -v l="$lang" -v b="$bytes" -v t="$theirs" -v o="$ours" 'BEGIN {
    printf "%-12s %s html  %7.3f s  %6.1f MB/s   newsclean %7.3f s  %6.1f MB/s   newsclean is %.2fx as fast\n", n, l, t, b/1e6/t, o, b/1e6/o, t/o }'
}
if (cd bench/dom_smoothie && { cargo build --release --quiet 2>/dev/null || cargo build --release --quiet --offline 2>/dev/null; }); then
  for lang in zh en; do peer dom_smoothie "$lang" bench/dom_smoothie/target/release/dom-smoothie-bench "$work/$lang"; done
else
  echo "dom_smoothie could not be built (no crates.io?): peer comparison skipped"
fi
if python3 -c "import trafilatura" 2>/dev/null; then
  cat > "$work/run_trafilatura.py" <<'PY'
import pathlib, sys, trafilatura
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
    trafilatura.extract(p.read_bytes())
PY
  for lang in zh en; do peer trafilatura "$lang" python3 "$work/run_trafilatura.py" "$work/$lang"; done
else
  echo "trafilatura not installed: peer comparison skipped (pip install trafilatura)"
fi

# Memory against batch size on distinct pages (MEMORY_PAGES="5000 20000 80000 160000";
# about 1.5 KB of temporary disk a page while it runs, 118 MB at most for 80,000 pages): a batch's peak should level off.
for n in ${MEMORY_PAGES:-}; do
  rm -rf "$work/unique"
  python3 scripts/unique_pages.py "$corpus/zh_html" "$corpus/en_html" --out "$work/unique" --pages "$n"
  for flags in "" --no-batch; do
    /usr/bin/time -o "$work/time.out" -f "%e %M" "$bin" clean --quiet --jobs 2 $flags "$work/unique" >/dev/null
    read -r secs kb < "$work/time.out"
    printf "distinct pages %7d  %-10s %7.2f s  peak %6.1f MB\n" "$n" "${flags:-batch}" "$secs" "$(awk -v k="$kb" 'BEGIN { print k/1024 }')"
  done
done
rm -rf "$work/unique"
