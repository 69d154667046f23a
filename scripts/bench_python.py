#!/usr/bin/env python3
"""Benchmark of the Python package against the command line on the same pages (issue 28).

Every HTML page of the development corpus's folders, cleaned page by page (--no-batch)
with 1 and 2 jobs: the command line writing JSON Lines to /dev/null; the package's
clean_many over the pages as bytes in memory, yielding dicts (json.loads included) and
JSON lines (as_json=True); and clean_paths over the folders, which reads the files as
the command line does. Then the batch (the command line's default) both ways. Best of
REPEAT runs (default 5) of each. A benchmark, never a test.

usage: target/py/bin/python scripts/bench_python.py [CORPUS_DIR]   (default ../shared/corpus)
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["zh_html", "en_html", "dragnet", "cleaneval", "cleanportal"]


def best(run, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return min(times), count


def main():
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
    repeat = int(os.environ.get("REPEAT", "5"))
    binary = str(ROOT / "target" / "release" / "newsclean")
    folders = [str(corpus / name) for name in FOLDERS]
    paths = sorted(p for folder in folders for p in Path(folder).iterdir() if p.suffix in (".html", ".htm"))
    pages = [p.read_bytes() for p in paths]
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB, {os.cpu_count()} cores, newsclean {newsclean.__version__}")

    def cli(*flags):
        def run():
            subprocess.run([binary, "clean", "-q", *flags, *folders], stdout=subprocess.DEVNULL, check=False)
            return len(pages)

        return run

    pipeline = newsclean.Pipeline()
    rows = []
    for jobs in (1, 2):
        runs = {
            "command line --no-batch": cli("--no-batch", "-j", str(jobs)),
            "clean_many, dicts": lambda: sum(1 for _ in pipeline.clean_many(pages, jobs=jobs)),
            "clean_many, as_json": lambda: sum(1 for _ in pipeline.clean_many(pages, jobs=jobs, as_json=True)),
            "clean_paths, batch=False": lambda: sum(1 for _ in pipeline.clean_paths(folders, batch=False, jobs=jobs)),
            "command line (batch)": cli("-j", str(jobs)),
            "clean_paths (batch)": lambda: sum(1 for _ in pipeline.clean_paths(folders, jobs=jobs)),
        }
        for name, run in runs.items():
            seconds, count = best(run, repeat)
            assert count == len(pages), (name, count)
            rows.append((name, jobs, seconds))
            print(f"{name:28} jobs {jobs}  {seconds:6.2f} s  {megabytes / seconds:6.1f} MB/s", flush=True)

    time_of = {(name, jobs): seconds for name, jobs, seconds in rows}
    print()
    for name in ("clean_many, dicts", "clean_many, as_json", "clean_paths, batch=False", "clean_paths (batch)"):
        cli_name = "command line (batch)" if "(batch)" in name else "command line --no-batch"
        scaling = time_of[(name, 1)] / time_of[(name, 2)]
        print(
            f"{name:28} 2 jobs / 1 job {scaling:.2f}x;  vs the command line:"
            f" 1 job {time_of[(cli_name, 1)] / time_of[(name, 1)]:.2f}, 2 jobs {time_of[(cli_name, 2)] / time_of[(name, 2)]:.2f}"
        )


if __name__ == "__main__":
    main()
