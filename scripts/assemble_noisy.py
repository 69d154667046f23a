#!/usr/bin/env python3
"""Assemble noisy plain-text news pages from real article bodies, with ground truth.

Takes the pages of a corpus laid out like ../shared/corpus (<id>.html beside <id>.json with
`body`) and writes, for each article and variant, a text page `<id>.txt` in which the
article's own paragraphs sit among the noise forms scraped pages carry (navigation, meta
lines, the article's teaser cut off and repeated, image placeholders, inline related
links, follow prompts, end markers, tag lines, credits, disclaimers, teasers and headlines
of other articles, date-prefixed feed items, content-farm snippets), in varied layouts
(blank lines or none, CRLF, full-width indentation) and encodings (UTF-8, GB18030, Big5,
UTF-16). Beside each page, `<id>.json` holds the truth: `body` (the article's paragraphs,
newline-separated), `title` and `lead`. Score with `newsclean eval --truth OUT`.

Other articles' teasers come from other pages of the corpus, so no noise line is written
with any one page in mind. Deterministic: the same --seed gives the same pages.

usage: scripts/assemble_noisy.py CORPUS_DIR... --out DIR [--variants N] [--seed S]
"""
import argparse, html, json, pathlib, random, re

ZH_NAV = ["首页 > 新闻中心 > 正文", "当前位置：首页 > 财经 > 滚动新闻", "首页 | 新闻 | 财经 | 体育 | 娱乐 | 科技", "您的位置：网站首页 > 社会"]
EN_NAV = ["Home > World > Asia", "Home | News | Sport | Business | Culture", "Home » Politics » Congress"]
ZH_META = ["{date} 来源：{site}", "发布时间：{date}", "{date}  作者：{author}", "来源：{site}  {date}", "{date} 09:30:12 来源：{site}"]
EN_META = ["Published {edate}", "By {eauthor}", "{edate} | {site}", "Updated: {edate} 10:42 am"]
ZH_SITES = ["新华网", "人民网", "中国新闻网", "东方网", "澎湃新闻", "央视新闻客户端", "经济日报"]
EN_SITES = ["Reuters", "The Daily Post", "Example News"]
ZH_AUTHORS = ["张伟", "李娜", "王芳", "刘洋"]
EN_AUTHORS = ["Jane Doe", "John Smith", "Maria Garcia"]
ZH_IMAGES = ["(资料图)", "（资料图片）", "[图片]", "图片来源：视觉中国", "图片来源：网络", "（图片来源于网络，如有侵权请联系删除）"]
EN_IMAGES = ["(Photo: Getty Images)", "Image credit: Reuters", "[Image]", "Photograph: AP"]
ZH_PROMPTS = ["关注我们的微信公众号，获取更多资讯", "扫一扫，关注我们", "点击关注，第一时间了解华尔街见闻", "分享到：微信 微博 QQ空间", "扫描二维码下载客户端"]
EN_PROMPTS = ["Share this article", "Follow us on Twitter", "Sign up for our newsletter", "Share on Facebook"]
ZH_HEADERS = ["相关阅读", "相关新闻", "推荐阅读", "猜你喜欢", "热门推荐", "延伸阅读", "【相关阅读】", "相关新闻：", "热点推荐"]
EN_HEADERS = ["Related Articles", "Read more", "You may also like", "More from Example News", "Recommended", "Most Read"]
ZH_CREDITS = ["责任编辑：{author}", "【责任编辑：{author}】", "（编辑：{author}）", "编辑：{author} 审核：{author2}"]
EN_CREDITS = ["Edited by {eauthor}", "Editor: {eauthor}"]
ZH_DISCLAIMERS = ["声明：本文仅代表作者观点，不代表本站立场。", "版权所有 未经授权禁止转载", "免责声明：本文来自网络，如有侵权请联系删除。", "转载请注明出处。"]
EN_DISCLAIMERS = ["© 2023 Example News. All rights reserved.", "Copyright © 2024 The Daily Post", "This material may not be published, broadcast, rewritten or redistributed."]
ZH_FARM = ["1、首先打开手机设置，在页面上面点击账号登录按钮，在跳转的页面中点击", "1、长辈生日快乐优美祝福语八个字 1 身心同康，福寿双全。2、 2 幸逢盛世",
           "1、单独的说计算机专业学什么这个太笼统了计算机专业大概可以分三个方向", "1、昆山南站是高铁站吗1、昆山南站是线正下式车站，站房呈圆润流畅的形态",
           "1、电脑开机黑屏只有鼠标怎么办？首先按下键盘上的组合键打开任务管理器", "2、微信转账记录删除了怎么恢复？打开微信点击我的选项进入支付页面"]
ELLIPSES = ["...", "…", "……"]
ZH_TAGS = ["标签:", "标签：", "标签：{t1} {t2}", "关键词：{t1}、{t2}"]
EN_TAGS = ["Tags: {t1}, {t2}", "Tags:"]


def decode_html(raw):
    m = re.search(rb'charset=["\']?([\w-]+)', raw[:4096], re.I)
    enc = m.group(1).decode() if m else "utf-8"
    if enc.lower() in ("gb2312", "gbk"):
        enc = "gb18030"
    try:
        return raw.decode(enc, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def html_title(raw):
    text = decode_html(raw)
    for pat in [r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)', r"<h1[^>]*>(.*?)</h1>", r"<title[^>]*>(.*?)</title>"]:
        m = re.search(pat, text, re.I | re.S)
        if m:
            t = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
            t = re.split(r"\s+[-_|–—]\s+|_", t)[0].strip()
            t = re.sub(r"\s+", " ", t)
            if 4 <= len(t) <= 80:
                return t
    return None


def shares_words(title, body):
    """A usable title shares two Han bigrams or one longer word with its article."""
    grams = {title[i:i + 2] for i in range(len(title) - 1) if all("\u4e00" <= c <= "\u9fff" for c in title[i:i + 2])}
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", title)}
    low = body.lower()
    return sum(g in body for g in grams) >= 2 or any(w in low for w in words)


def load(dirs):
    pages = []
    for d in dirs:
        for truth_path in sorted(pathlib.Path(d).glob("*.json")):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            lines = [l.strip().strip("\u3000") for l in truth.get("body", "").splitlines()]
            lines = [l for l in lines if l]
            page = truth_path.with_suffix(".html")
            title = html_title(page.read_bytes()) if page.exists() else None
            if lines and title and "\ufffd" not in title and shares_words(title, " ".join(lines)):
                zh = sum(1 for c in "".join(lines) if "\u4e00" <= c <= "\u9fff") > len("".join(lines)) / 4
                pages.append({"id": truth_path.stem, "lines": lines, "title": title, "zh": zh})
    return pages


def cut(text, rnd, lo=18, hi=48):
    n = rnd.randint(lo, hi)
    return text[:n].rstrip() + rnd.choice(ELLIPSES) if len(text) > n + 4 else None


def teaser_of(other, rnd):
    long_lines = [l for l in other["lines"] if len(l) > 30]
    return cut(rnd.choice(long_lines), rnd) if long_lines else None


def assemble(page, others, rnd):
    zh = page["zh"]
    pick = rnd.choice
    fill = dict(date=f"2023-0{rnd.randint(1,9)}-{rnd.randint(10,28)}", edate=f"March {rnd.randint(1,28)}, 2023",
                site=pick(ZH_SITES if zh else EN_SITES), author=pick(ZH_AUTHORS), author2=pick(ZH_AUTHORS),
                eauthor=pick(EN_AUTHORS), t1=page["title"][:2] if zh else "News", t2=page["title"][2:4] if zh else "World")
    same_lang = [o for o in others if o["zh"] == zh] or others
    foreign = lambda: rnd.sample(same_lang, min(len(same_lang), 12))
    lead = cut(page["lines"][0], rnd, 20, 60) if len(page["lines"][0]) > 30 and rnd.random() < 0.7 else None
    out = []
    if rnd.random() < 0.25:
        out.append(pick(ZH_NAV if zh else EN_NAV))
    out.append(page["title"])
    if rnd.random() < 0.4:
        out.append(pick(ZH_META if zh else EN_META).format(**fill))
    if lead:
        out.append(lead)
    if rnd.random() < 0.5:
        out.append(pick(ZH_IMAGES if zh else EN_IMAGES))
    body = list(page["lines"])
    # Inserted inside the body: image placeholders, related links, follow prompts.
    inserts = []
    if len(body) > 3:
        if rnd.random() < 0.4:
            inserts.append(pick(ZH_IMAGES if zh else EN_IMAGES))
        if rnd.random() < 0.4:
            inserts.append(("相关阅读：" if zh else "Read more: ") + pick(foreign())["title"])
        if rnd.random() < 0.3:
            inserts.append(pick(ZH_PROMPTS if zh else EN_PROMPTS))
    mixed = list(body)
    for ins in inserts:
        mixed.insert(rnd.randint(1, len(mixed) - 1), ins)
    out.extend(mixed)
    # The tail.
    tail = []
    bare = rnd.random() < 0.2  # other articles' teasers right after the body, no furniture between
    if not bare and rnd.random() < 0.3:
        tail.append(pick(ZH_CREDITS if zh else EN_CREDITS).format(**fill))
    if not bare and rnd.random() < 0.4:
        tail.append(pick(ZH_TAGS if zh else EN_TAGS).format(**fill))
    if not bare and rnd.random() < 0.3:
        tail.append(pick(ZH_PROMPTS if zh else EN_PROMPTS))
    if not bare and rnd.random() < 0.25:
        tail.append(pick(ZH_DISCLAIMERS if zh else EN_DISCLAIMERS))
    if not bare and lead and rnd.random() < 0.6:
        tail.append(lead)
    if not bare and rnd.random() < 0.6:
        tail.append(pick(ZH_HEADERS if zh else EN_HEADERS))
    for other in foreign()[: rnd.randint(2, 10)]:
        form = rnd.random()
        if form < 0.4:
            item = teaser_of(other, rnd)
        elif form < 0.75:
            item = other["title"]
        elif form < 0.85 and zh:
            item = f"{pick(['', '格隆汇', '新华社', '财联社'])}{rnd.randint(1,12)}月{rnd.randint(1,28)}日丨{other['title']}" + (pick(ELLIPSES) if rnd.random() < 0.5 else "")
        elif form < 0.92 and zh:
            item = pick(ZH_FARM) + pick(ELLIPSES)
        else:
            item = ("下一篇：" if zh else "Next article: ") + other["title"]
        if item:
            tail.append(item)
    if not bare:
        head = tail[:2]
        rnd.shuffle(head)
        tail[:2] = head
    out.extend(tail)
    truth = {"title": page["title"], "lead": lead, "body": "\n".join(body)}
    return out, truth


def layout(lines, zh, rnd):
    indent = "\u3000\u3000" if zh and rnd.random() < 0.3 else ""
    sep = "\n\n" if rnd.random() < 0.4 else "\n"
    text = sep.join((indent + l if i > 0 else l) for i, l in enumerate(lines)) + "\n"
    if rnd.random() < 0.25:
        text = text.replace("\n", "\r\n")
    r = rnd.random()
    if zh and r < 0.25:
        return text.encode("gb18030"), "gb18030"
    if zh and r < 0.32:
        try:
            return text.encode("big5"), "big5"
        except UnicodeEncodeError:
            return text.encode("gb18030"), "gb18030"
    if r > 0.93:
        return text.encode("utf-16"), "utf-16"
    return text.encode("utf-8"), "utf-8"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--variants", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    pages = load(args.corpus)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        others = [o for o in pages if o["id"] != page["id"]]
        for v in range(args.variants):
            lines, truth = assemble(page, others, rnd)
            data, _ = layout(lines, page["zh"], rnd)
            name = f"{page['id'][:24]}-{v}"
            (out / f"{name}.txt").write_bytes(data)
            (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"assembled {len(pages) * args.variants} pages from {len(pages)} articles into {out}")


if __name__ == "__main__":
    main()
