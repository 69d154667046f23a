#!/usr/bin/env python3
"""Writes the WARC and WET test files in tests/warc with warcio, the library crawlers use.

    pip install warcio && python3 scripts/make_warc_fixtures.py

crawl.warc.gz: Common Crawl's layout, one gzip member a record: a warcinfo, then for each
of three fixture pages a request and a response (one chunked and gzip-coded, one Big5
with the charset only in the HTTP header), an image response, a 404 and a revisit.
crawl.warc.wet.gz: a warcinfo and a conversion record for each text fixture page.
Both are small and committed; the test reads them and compares with the fixture files.
"""
import gzip
import io
import pathlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "warc"

HTML = [
    # (fixture, url, content type, coding)
    ("fixtures/html/en-news.html", "https://example.com/a", "text/html; charset=utf-8", "chunked+gzip"),
    ("fixtures/html/zh-big5.html", "https://example.com/b", "text/html; charset=big5", None),
    ("fixtures/html/en-related-articles.html", "https://example.com/c", "text/html", None),
]
TEXT = ["fixtures/text/en-news.txt", "fixtures/text/seed.txt", "fixtures/text/zh-gb18030.txt"]


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def write_warc():
    with open(OUT / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.1")
        w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "warcio", "format": "WARC File Format 1.1"}))
        for path, url, ctype, coding in HTML:
            body = (ROOT / path).read_bytes()
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            headers = [("Content-Type", ctype)]
            if coding == "chunked+gzip":
                body = chunked(gzip.compress(body))
                headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
            else:
                headers.append(("Content-Length", str(len(body))))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            # The payload as the server sent it, codings and all.
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                length=len(body)))
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png"), ("Content-Length", str(len(png)))], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.org/logo.png", "response", payload=io.BytesIO(png), http_headers=http))
        http = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.org/gone", "response", payload=io.BytesIO(b"<h1>Not found</h1>"), http_headers=http))
        w.write_record(w.create_revisit_record("https://example.org/story", digest="sha1:AAAA", refers_to_uri="https://example.org/story",
                                               refers_to_date="2024-03-01T00:00:00Z"))


def write_wet():
    with open(OUT / "crawl.warc.wet.gz", "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.0")
        w.write_record(w.create_warcinfo_record("crawl.warc.wet.gz", {"software": "warcio"}))
        for i, path in enumerate(TEXT):
            text = (ROOT / path).read_bytes()
            w.write_record(w.create_warc_record(f"https://example.net/{i}", "conversion", payload=io.BytesIO(text),
                                                warc_content_type="text/plain", length=len(text)))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_warc()
    write_wet()
    for p in sorted(OUT.iterdir()):
        print(p.relative_to(ROOT), p.stat().st_size, "bytes")
