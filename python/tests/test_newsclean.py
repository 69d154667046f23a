"""The Python package against the command line: the same records, on any number of threads.

The command line is NEWSCLEAN_BIN, else the repository's target/release/newsclean
(`cargo build --release` first). The fixtures are the repository's own.
"""

import gzip
import itertools
import json
import os
import random
import resource
import subprocess
from pathlib import Path

import pytest

import newsclean

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
FOLDERS = [FIXTURES / "html", FIXTURES / "text"] + sorted(p for p in (FIXTURES / "batch").iterdir() if p.is_dir())
PAGES = sorted(p for folder in FOLDERS for p in folder.iterdir() if p.suffix in (".html", ".txt"))


@pytest.fixture(scope="session")
def cli():
    binary = Path(os.environ.get("NEWSCLEAN_BIN", ROOT / "target" / "release" / "newsclean"))
    if not binary.is_file():
        pytest.fail(f"no newsclean binary at {binary}: run `cargo build --release` or set NEWSCLEAN_BIN")

    def run(*args, stdin=b"", command="clean"):
        argv = [str(binary), command, "-q", *map(str, args)]
        return subprocess.run(argv, input=stdin, capture_output=True, check=False).stdout.decode().splitlines()

    return run


def test_folders_give_the_command_lines_records(cli):
    for folder in FOLDERS:
        assert list(newsclean.clean_paths(folder, as_json=True)) == cli(folder), folder
        assert list(newsclean.clean_paths(folder, batch=False, as_json=True)) == cli("--no-batch", folder), folder


def test_a_page_as_bytes_gives_the_command_lines_record(cli):
    expected = {json.loads(line)["source"]: json.loads(line) for line in cli("--no-batch", *PAGES)}
    assert len(expected) == len(PAGES) > 50
    for path in PAGES:
        format = "html" if path.suffix == ".html" else "text"
        record = newsclean.clean(path.read_bytes(), id=path.stem, source=str(path), format=format)
        assert record == expected[str(path)], path


def test_many_pages_give_the_same_records_on_one_thread_and_on_three():
    pages = [path.read_bytes() for path in PAGES] * 3
    one = list(newsclean.clean_many(pages, jobs=1, as_json=True))
    three = list(newsclean.clean_many(pages, jobs=3, as_json=True))
    assert one == three
    assert [json.loads(line)["id"] for line in one] == [str(i) for i in range(len(pages))]
    assert json.loads(one[5]) == newsclean.clean(pages[5], id="5")


def test_a_batch_of_dicts_gives_the_records_of_the_same_files(cli):
    for folder in FOLDERS[2:]:
        paths = sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt"))
        pages = [
            {"html" if p.suffix == ".html" else "text": p.read_bytes(), "id": p.stem, "source": str(p)} for p in paths
        ]
        assert list(newsclean.clean_batch(pages, jobs=2, as_json=True)) == cli(folder), folder


def test_a_batch_names_near_duplicates_and_removes_what_recurs():
    words = "council river school museum budget flood strike opening mayor teachers water gallery vote rain".split()
    words += "union paintings tax bridge pupils artists road storm classes visitors plan levee wages sculpture".split()

    def body(seed):
        draw = random.Random(seed).choice
        return "\n".join(" ".join(draw(words) for _ in range(14)).capitalize() + "." for _ in range(6))

    bodies = [body(seed) for seed in range(4)]
    recurring = "The weather in the valley stays mild through the weekend, forecasters said on Friday."
    pages = [f"Headline {i}\n{body}\n{recurring}" for i, body in enumerate(bodies + bodies[:1])]
    records = list(newsclean.clean_batch(pages))
    assert [r["duplicate_of"] for r in records] == [None, None, None, None, "0"]
    for record in records:
        assert recurring not in record["body"]
        assert [r["rule"] for r in record["removed"] if r["text"] == recurring] == ["B001"]


def test_warc_and_jsonl_files_are_read_as_the_command_line_reads_them(cli, tmp_path):
    lines = [json.dumps({"id": p.stem, "html": p.read_text(errors="replace")}) for p in PAGES if p.suffix == ".html"]
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("\n".join(lines) + "\n")
    warc = ROOT / "tests" / "warc"
    for inputs in ([jsonl], [warc]):
        assert list(newsclean.clean_paths(inputs, as_json=True)) == cli(*inputs)
        assert list(newsclean.clean_paths(inputs, jobs=1, batch=False, as_json=True)) == cli("--no-batch", *inputs)


def json_lines():
    """The HTML fixtures as JSON Lines records, as corpus tools carry pages."""
    return [json.dumps({"id": p.stem, "html": p.read_text(errors="replace")}) for p in PAGES if p.suffix == ".html"]


def test_json_lines_give_the_records_of_standard_input(cli):
    lines = json_lines()[:8] + ["", "{not json", json.dumps({"text": "A title\nA line of text without an id."})]
    stdin = "\n".join(lines).encode() + b"\n"
    alone = list(newsclean.clean_many(lines, jsonl=True, as_json=True))
    assert alone == cli("--no-batch", "--input-format", "jsonl", "-", stdin=stdin)
    assert len(alone) == len(lines) - 1
    assert {k: v for k, v in json.loads(alone[-2]).items() if k != "error"} == {"id": "stdin:10", "source": "-:10"}
    batch = list(newsclean.clean_batch([line.encode() for line in lines], jsonl=True, as_json=True))
    assert batch == cli("--input-format", "jsonl", "-", stdin=stdin)


def test_tables_of_shards_merged_clean_as_one_batch(cli):
    lines = json_lines()
    shards = [lines[::2], lines[1::2]]
    tables = [newsclean.table(shard, jsonl=True) for shard in shards]
    assert tables[0] == cli("--input-format", "jsonl", "-", stdin="\n".join(shards[0]).encode(), command="stats")[0]
    merged = newsclean.merge_tables(tables)
    by_id = {}
    for shard in shards:
        for record in newsclean.clean_many(shard, jsonl=True, table=merged):
            by_id[record["id"]] = record
    assert [by_id[json.loads(line)["id"]] for line in lines] == list(newsclean.clean_batch(lines, jsonl=True))
    with pytest.raises(newsclean.NewscleanError, match="not a newsclean table"):
        newsclean.clean_many([], table="{}")


def test_folders_skip_what_is_no_page(tmp_path):
    (tmp_path / "a.html").write_bytes((FIXTURES / "html" / "en-news.html").read_bytes())
    (tmp_path / "app.js").write_text("function f(){return 1;}")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /")
    (tmp_path / "b.txt").write_text("Not taken\nby the glob.")
    assert [r["id"] for r in newsclean.clean_paths(tmp_path)] == ["a", "b"]
    assert [r["id"] for r in newsclean.clean_paths(tmp_path, glob=["*.html"])] == ["a"]
    assert [r["id"] for r in newsclean.clean_paths(tmp_path, types=["text"])] == ["b"]
    with pytest.raises(newsclean.NewscleanError, match="not a type"):
        newsclean.clean_paths(tmp_path, types=["pdf"])


def test_a_str_is_text_already_whatever_its_meta_says():
    html = '<html><head><meta charset="gbk"><title>标题</title></head><body><article><h1>临港新片区举行大会</h1>'
    html += "<p>" + "新片区产教融合联盟正式成立，首批联盟单位84家，覆盖企业、院校、科研机构。" * 3 + "</p></article></body></html>"
    record = newsclean.clean(html)
    assert record["encoding"] == "UTF-8"
    assert any("新片区产教融合联盟正式成立" in p for p in record["body"])
    assert newsclean.clean(html.encode("gbk"))["body"] == record["body"]
    assert newsclean.clean(gzip.compress(html.encode()))["body"] == record["body"]


def test_bad_pages_give_error_records_as_on_the_command_line():
    binary, empty = newsclean.clean_many([b"\x00\x01\x02\x03 binary", b"  \n "])
    assert binary == {"id": "0", "source": "0", "error": binary["error"]}
    assert binary["error"].startswith("decode: binary content")
    assert set(empty) == {"id", "source", "error"} and empty["id"] == "1"


def test_bad_arguments_raise():
    with pytest.raises(TypeError, match="not int"):
        newsclean.clean(42)
    with pytest.raises(TypeError, match='"html" or a "text"'):
        list(newsclean.clean_many([{"body": "x"}]))
    with pytest.raises(newsclean.NewscleanError, match="pdf"):
        newsclean.clean(b"x", format="pdf")
    with pytest.raises(newsclean.NewscleanError, match="at least 1"):
        newsclean.clean_many([], jobs=0)
    with pytest.raises(newsclean.NewscleanError, match="warc"):
        newsclean.clean_paths(FIXTURES, input_format="zip")
    assert issubclass(newsclean.NewscleanError, ValueError)


def test_an_error_in_the_pages_iterable_reaches_the_caller():
    def pages():
        yield "A title\nA first paragraph of the article."
        raise KeyError("the reader broke")

    with pytest.raises(KeyError, match="the reader broke"):
        list(newsclean.clean_many(pages()))


def test_records_stream_from_an_endless_input():
    endless = (f"Title {i}\nThe {i}th paragraph of an article that goes on." for i in itertools.count())
    first = list(itertools.islice(newsclean.clean_many(endless, jobs=2), 600))
    assert [r["title"] for r in first[598:]] == ["Title 598", "Title 599"]


def test_memory_stays_flat_over_100000_pages():
    body = "\n".join(f"Paragraph {k} of the article tells what the council decided on the budget." for k in range(8))
    pages = (f"Headline number {i}\n{body}\nRelated: another story {i}" for i in range(100_000))
    records = newsclean.clean_many(pages, jobs=2, as_json=True)
    for _ in itertools.islice(records, 10_000):
        pass
    warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rest = sum(1 for _ in records)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - warm) / 1024
    assert rest == 90_000
    assert grown_mb < 16, f"peak memory grew {grown_mb:.1f} MB over 90,000 pages"


def test_explain_says_what_the_command_line_says():
    text = newsclean.explain("m001")
    assert text.startswith("M001 end-marker:")
    assert newsclean.explain("X999") is None
