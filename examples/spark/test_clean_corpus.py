#!/usr/bin/env python3
"""Runs examples/spark/clean_corpus.py in local mode and compares it with one machine.

    python examples/spark/test_clean_corpus.py --newsclean target/release/newsclean

Run it with the Python that has the newsclean package and pyspark installed: Spark's
local workers run the same interpreter.

Generates JSON Lines shards (a few hundred pages, text and HTML, with cross-page
boilerplate on a third of them and one bad line), cleans them with Spark (`local[2]`,
four partitions) without and with --batch, and with `newsclean clean --input-format jsonl`
on one machine, and checks: one output line per input line, ids kept, records identical
to the one-machine run (order aside), the bad line an error record. Ends with the line
`N passed, M failed`; exits 1 on any failure.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
BOILERPLATE = [
    "江城新闻网为您提供最新最快的本地资讯，欢迎大家常来看看。",
    "市民如有新闻线索，可拨打热线电话与我们的记者取得联系。",
    "感谢您一直以来对江城新闻网的支持与厚爱，我们会继续努力。",
]
ENCODINGS = {"zh-gbk-undeclared": "gb18030", "zh-gbk-wrong-declaration": "gb18030", "zh-big5": "big5"}


def base_pages():
    pages = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix not in (".txt", ".html") or path.name.startswith("."):
            continue
        raw = path.read_bytes()
        encoding = ENCODINGS.get(path.stem, "utf-16" if raw.startswith(b"\xff\xfe") else None)
        for enc in ([encoding] if encoding else []) + ["utf-8", "gb18030", "big5"]:
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        pages.append(("html" if path.suffix == ".html" else "text", text.lstrip("\ufeff")))
    return pages


def make_shards(folder, count):
    pages = base_pages()
    records = []
    for i in range(count):
        kind, text = pages[i % len(pages)]
        if kind == "text" and i % 3 == 0:
            lines = text.splitlines()
            lines[1:1] = [BOILERPLATE[0]]
            lines.insert(len(lines) // 2, BOILERPLATE[1])
            lines.append(BOILERPLATE[2])
            text = "\n".join(lines)
        records.append(json.dumps({"id": f"p{i:04d}", "url": f"https://example.com/{i}", kind: text}, ensure_ascii=False))
    records.insert(count // 2, "{this line is not JSON")
    shards = 3
    for s in range(shards):
        (folder / f"shard-{s}.jsonl").write_text("\n".join(records[s::shards]) + "\n", encoding="utf-8")
    return len(records)


def read_records(paths):
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsclean", default=str(ROOT / "target/release/newsclean"))
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        print(("ok   " if ok else "FAIL ") + what)
        passed, failed = passed + ok, failed + (not ok)

    with tempfile.TemporaryDirectory(prefix="newsclean-spark-") as tmp:
        tmp = pathlib.Path(tmp)
        shards = tmp / "shards"
        shards.mkdir()
        lines = make_shards(shards, args.pages)
        for batch in (False, True):
            label = "batch" if batch else "page by page"
            one_cmd = [args.newsclean, "clean", "--input-format", "jsonl", "--quiet", str(shards)]
            if not batch:
                one_cmd.insert(2, "--no-batch")
            one = subprocess.run(one_cmd, capture_output=True, text=True, encoding="utf-8")
            one_records = [json.loads(l) for l in one.stdout.splitlines()]
            out = tmp / f"out-{label.replace(' ', '-')}"
            spark_cmd = [sys.executable, str(ROOT / "examples/spark/clean_corpus.py"), "--input", str(shards),
                         "--output", str(out), "--master", "local[2]", "--partitions", "4"]
            if batch:
                spark_cmd.append("--batch")
            env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
            job = subprocess.run(spark_cmd, capture_output=True, text=True, env=env)
            check(job.returncode == 0, f"{label}: the Spark job succeeds ({job.stderr[-2000:] if job.returncode else ''})")
            if job.returncode != 0:
                continue
            spark_records = read_records(sorted(out.glob("part-*")))
            check(len(spark_records) == lines, f"{label}: one output line per input line ({len(spark_records)} of {lines})")
            ok = [r for r in spark_records if "error" not in r]
            check(sorted(r["id"] for r in ok) == [f"p{i:04d}" for i in range(args.pages)], f"{label}: ids kept")
            errors = [r for r in spark_records if "error" in r]
            check(len(errors) == 1 and "invalid JSON" in errors[0]["error"], f"{label}: the bad line is an error record")
            one_ok = {r["id"]: r for r in one_records if "error" not in r}
            same = all(one_ok.get(r["id"]) == r for r in ok) and len(one_ok) == len(ok)
            check(same, f"{label}: records identical to the one-machine run (order aside)")
            if batch:
                b001 = sum(1 for r in ok for x in r["removed"] if x["rule"] == "B001")
                dups = sum(1 for r in ok if r["duplicate_of"])
                check(b001 > 0 and dups > 0, f"{label}: boilerplate removed ({b001}) and near-duplicates named ({dups})")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
