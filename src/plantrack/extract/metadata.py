"""Notice metadata: titles, 文号, issuer(s), signature date, plan year, recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from plantrack.extract.normalize import LOST_CHARACTER
from plantrack.extract.numerals import parse_chinese
from plantrack.lang import metadata_words as W
from plantrack.lang.doctype import FULL_TEXT_CUES, NAV_BULLETS, NOTICE_ENDINGS, PLAN_GENRES, TITLE_SUFFIX
from plantrack.lang.roles import FIRST_LEAD_RULE

OPENING_YEAR_LINES = 5  # a year printed in the first lines is the plan year when nothing better shows
HEAD_LINES = 40  # metadata is looked for in the first lines (and the signature after the body)
TAIL_LINES = 8  # a signature printed on one line (issuer and date) is looked for in the last lines

_DOC_NUMBER_LABEL = "(?:" + "|".join(W.DOC_NUMBER_LABELS) + ")"
_OPEN, _CLOSE = W.DOC_NUMBER_OPEN, W.DOC_NUMBER_CLOSE
_YEAR_PART = (
    rf"(?:{_OPEN}\s*(?:19|20)\d{{2}}\s*{_CLOSE}?|(?:19|20)\d{{2}}\s*{_CLOSE})"  # one bracket may be lost
)
_ORDER = "(?:" + "|".join(W.ORDER_ENDINGS) + ")"
_NUMBER_BODY = (
    rf"(?:[\u4e00-\u9fff]{{1,12}}\s*{_YEAR_PART}\s*第?\s*\d{{1,4}}\s*号"
    rf"|[\u4e00-\u9fff]{{1,16}}{_ORDER}\s*(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*\d{{1,4}}\s*号)"
)
_DOC_NUMBER = re.compile(r"^(?:(?:发文)?" + _DOC_NUMBER_LABEL + r"\s*[:]?\s*)?(" + _NUMBER_BODY + ")")
_NTH_LINE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,4}\s*号$")  # 第5号 under 某县人民政府令
_LEADING_DATE = re.compile(W.LEADING_DATE)
_FILE_EXTENSION = re.compile(W.FILE_EXTENSION, re.IGNORECASE)
_SITE_SUFFIX = re.compile(W.SITE_SUFFIX)
_PAGE_SUFFIX = re.compile(W.PAGE_SUFFIX)
_GLUED_TAIL = re.compile(W.GLUED_TAIL)
_BREADCRUMB_HEAD = re.compile(W.BREADCRUMB_HEAD)
_COLUMN_TAG_HEAD = re.compile(W.COLUMN_TAG_HEAD)
# A date alone on its line, or in brackets under the title: (2018年2月9日).
_DATE_LINE = re.compile(
    r"^\s*[(]?\s*((?:19|20)\d{2}|[〇○零O0-9一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*"
    r"([0-9一二三四五六七八九十]{1,3})\s*日?\s*[)]?\s*$"
)
# A signature date whose 年/月/日 a page's encoding dropped: 2019116 (2019年1月16日 or 2019年11月6日).
_BARE_DIGITS_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2,4})\s*$")
# …or only some of them: 20221月26 (2022年1月26日), 2022年1月26
_PART_MARKED_DATE = re.compile(r"^\s*((?:19|20)\d{2})年?(\d{1,2})月(\d{1,2})日?\s*$")
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})\s*$")
_PRINTED_ON = re.compile(
    r"(?:^|\s)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:"
    + "|".join(W.PRINTED_ON_WORDS)
    + r")$"
)
_LABELLED_DATE = re.compile(
    "(?:" + "|".join(W.DATE_LABELS) + r")\s*[:]?\s*((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})"
)
_PAGE_DATE = re.compile(
    "(?:" + "|".join(W.PAGE_DATE_LABELS) + r")\s*:?\s*((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})"
)
_LABELLED_DOC_NUMBER = re.compile(
    _DOC_NUMBER_LABEL + r"\s*[】\]]?\s*[:]?\s*(" + _NUMBER_BODY + ")"
)  # 【发布文号】
_TRAILING_DATE = re.compile(
    r"(?:\s|^)(?:([\u4e00-\u9fff]{2,30}(?:" + "|".join(W.ISSUER_ENDINGS) + r"))\s+)?"
    r"((?:19|20)\d{2}|[〇○零O0-9一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日?$"
)
# …关于下达2016年农业重点工作任务的通知麟政办发〔2016〕21号各镇人民政府: a header run together on one line
_GLUED_DOC_NUMBER = re.compile(
    "关于.{4,80}?(?:"
    + "|".join(NOTICE_ENDINGS)
    + r")([\u4e00-\u9fff]{1,12}[〔\[【](?:19|20)\d{2}[〕\]】]第?\d{1,4}号)"
)
_TRAILING_DOC_NUMBER = re.compile(
    r"[(（]([\u4e00-\u9fff]{1,12}\s*[〔\[【]\s*(?:19|20)\d{2}\s*[〕\]】]\s*第?\s*\d{1,4}\s*号)[)）]$"
)
# A header flattened onto one line, the 文号 between spaces: 某某厅文件 某科发〔2016〕8号 某某厅关于…的通知.
_SPACED_DOC_NUMBER = re.compile(r"(?:^|\s)([\u4e00-\u9fff]{1,12}" + _YEAR_PART + r"第?\d{1,4}号)(?=\s|$)")
_ISSUER_LABEL = re.compile("^(?:" + "|".join(W.ISSUER_LABELS) + r")\s*[:]\s*(\S.{1,40})$")
_TITLE_LABEL = re.compile("^(?:" + "|".join(W.TITLE_LABELS) + r")\s*[:]\s*")
_RECIPIENTS = re.compile(r"^([^。]{4,200}?)[:]$")
_PRINT_PLAN = re.compile(r"(?:印发|现将|转发)\s*(?:《([^》]{4,80})》|[〈<]([^〉>]{4,80})[〉>])")
_PLACE_START = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:" + "|".join(W.PLACE_LEVELS) + ")")
_PRINTS = re.compile("|".join(W.PRINTING_VERBS))  # a notice that prints a plan, not one that is it
_INNER_QUOTES = str.maketrans("〈〉", "《》")
# 附件:1. 2019年…分解表: the first entry of an attachment list, its number not part of the title
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:]\s*(?:(?P<entry>\d{1,2})\s*[.、]\s*)?(?P<name>.{4,80})$")
# …出台《关于…的实施意见》,全文如下: a news page that reposts the document names it before the text
_REPOSTED = re.compile(r"《([^《》]{4,80})》[^《》。]{0,12}?[,:]?(?:" + "|".join(FULL_TEXT_CUES) + ")")
_LEDE_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_INFO_LABELS = W.INFO_LABELS
_DOC_SITE_FILE = re.compile(r"《([^《》]{4,80})》(?:" + "|".join(W.DOC_SITE_CUES) + ")")
# 为…,特制定2015年县域经济…推进方案。: the plan the preamble drafts (本方案 names none: 4+ characters);
# a page that glued the salutation to it (各科室:为…) drafts it after the salutation's colon
_DRAFTED = re.compile(
    r"^(?:[^。:]{2,60}?:)?为[^。]{4,200}?(?:"
    + "|".join(W.DRAFTED_CUES)
    + r")(?!本)《?([^《》。,]{6,60}?)》?(?:如下)?[。:]"
)
BARE_DATE_BEFORE_PAGE = 60  # days a notice may be signed before the page that posts it
_SITE_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}:")
_NEXT_SITE_LABEL = re.compile(r"\s+[\u4e00-\u9fff]{2,6}\s*:")
_YEAR_START = re.compile(r"(?:19|20)\d{2}\s*年")
_BODY_ENDINGS = (*W.ISSUER_ENDINGS, *W.PLACE_LEVELS)
_LIST_ITEM = re.compile(r"^\d{1,2}[.、]")  # 2.2025年十五件民盼实事任务分解: an entry of an attachment list
_INFO_LINE = re.compile("|".join(W.INFO_LINE_WORDS))
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—\-–~－至到]\s*(?:19|20)\d{2}\s*年")


@dataclass
class Metadata:
    title: str = ""
    notice_title: str = ""
    doc_number: str = ""
    issuer: list[str] = field(default_factory=list)
    issued_on: date | None = None
    year: int | None = None
    recipients: list[str] = field(default_factory=list)
    year_from_page: bool = False  # the year is only the web page's (发布时间:2021-05-18)

    def fill_from(self, other: Metadata) -> None:
        """Take the other reading's value for every field this one left empty."""
        if not self.year:
            self.year_from_page = other.year_from_page
        for name in ("title", "notice_title", "doc_number", "issuer", "issued_on", "year", "recipients"):
            if not getattr(self, name):
                setattr(self, name, getattr(other, name))


def cn_date(y: str, m: str, d: str) -> date | None:
    """2017/8/28 or 二○○六/四/二十八 → a date; None if impossible."""
    parts = [int(p) if p.isdigit() else parse_chinese(p.replace("O", "〇")) for p in (y, m, d)]
    try:
        return date(*parts) if None not in parts else None  # type: ignore[arg-type]
    except ValueError:
        return None


def date_line(line: str) -> date | None:
    m = _DATE_LINE.match(line)
    return cn_date(m[1], m[2], m[3]) if m else None


def dated_signature(line: str) -> bool:
    """An issuer and a date on one line: 某县人力资源和社会保障局 2019年3月5日."""
    m = _TRAILING_DATE.search(line.strip())
    return bool(m and m[1] and m.start() == 0 and cn_date(m[2], m[3], m[4]))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _compact_number(text: str) -> str:
    """A 文号 without spaces, but for one between two digits (某政发〔2023 5号: a bracket lost)."""
    return " ".join(_compact(part) for part in re.split(r"(?<=\d)\s+(?=\d)", text))


def find_doc_number(lines: list[str]) -> str:
    """A 文号 opening a line (or after its label), else one labelled anywhere in an info line."""
    for i, line in enumerate(lines[:HEAD_LINES]):
        m = _DOC_NUMBER.match(line.strip())
        if m:
            return _compact_number(m[1])
        if i and _NTH_LINE.match(_compact(line)) and _compact(lines[i - 1]).endswith(W.ORDER_ENDINGS):
            return _compact_number(lines[i - 1] + line)  # 某县人民政府令 / 第5号
    for line in lines[:HEAD_LINES]:
        m = _LABELLED_DOC_NUMBER.search(line) or _TRAILING_DOC_NUMBER.search(line)
        if m:
            return _compact_number(m[1])
    for line in lines[:HEAD_LINES]:
        m = _SPACED_DOC_NUMBER.search(line) or _GLUED_DOC_NUMBER.search(_compact(line))
        if m:
            return _compact_number(m[1])
    return ""


def _without_doc_number(text: str) -> str:
    """2021年县政府重点工作任务(华政发〔2021〕2号) → 2021年县政府重点工作任务."""
    return _TRAILING_DOC_NUMBER.sub("", text)


def find_notice_title(lines: list[str]) -> str:
    """The line with 关于…的通知/意见/方案 near the top; else one split over two or three lines."""
    head = [_TITLE_LABEL.sub("", ln.strip()) for ln in lines[:HEAD_LINES]]
    for line in head:
        text = _without_glued_tail(_unwrap(_without_doc_number(_DOC_NUMBER.sub("", _title_text(line)))))
        if _is_notice_title(text):
            return text
    for i in range(len(head) - 1):
        for span in (2, 3):
            if i + span > len(head):  # a notice of two lines: no three-line title
                break
            joined = _compact("".join(head[i : i + span]))
            m = re.search(r"关于.*?(?:" + "|".join(NOTICE_ENDINGS) + r")$", joined)
            if m and "关于" in _compact(head[i + span - 1]) + _compact(head[i]) and _is_notice_title(joined):
                issuer = "" if _DOC_NUMBER.match(head[i]) else _compact(head[i]).split("关于")[0]
                return issuer + m.group(0) if not joined.startswith("关于") or not issuer else m.group(0)
    return ""


def _without_glued_tail(text: str) -> str:
    """…活动的通知-某某平台 → …活动的通知, …工作要点_某某娱乐 → …工作要点: a site's words glued after a
    whole notice title or plan title."""
    whole = _is_notice_title(text) or _is_title_line(text)
    m = None if whole else _GLUED_TAIL.search(text)
    head = text[: m.start()] if m else ""
    return head if head and (_is_notice_title(head) or _is_title_line(head)) else text


def _title_text(line: str) -> str:
    """A line as a title may print it: without spaces, a glued date (2023年3月1日关于…), a file
    name ending (….docx), the site's name (… - 豆丁网) or the page's number (…的通知(第2页))."""
    text = _FILE_EXTENSION.sub("", _LEADING_DATE.sub("", _without_page_head(_compact(line))))
    return _PAGE_SUFFIX.sub("", _SITE_SUFFIX.sub("", text))


def _without_page_head(text: str) -> str:
    """The page's furniture printed before a title on its line: a breadcrumb (A>B>title) or the
    site's name and toolbar (某区人民政府|繁体|无障碍|title)."""
    from plantrack.lang.boilerplate import CHROME_WORDS, MENU_WORDS, SITE_NAME_ENDINGS

    text = _COLUMN_TAG_HEAD.sub("", _BREADCRUMB_HEAD.sub("", text))
    cells = text.split("|")
    n = 0
    while n < len(cells) - 1 and (
        cells[n] in CHROME_WORDS or cells[n] in MENU_WORDS or cells[n].endswith(SITE_NAME_ENDINGS)
    ):
        n += 1
    chrome = any(c in CHROME_WORDS or c in MENU_WORDS for c in cells[:n])
    return "|".join(cells[n:]) if chrome else text


def _unwrap(text: str) -> str:
    """《北京市…关于印发〈…〉的通知》 → the title inside."""
    return text[1:-1] if text.startswith("《") and text.endswith("》") else text


def _is_notice_title(text: str) -> bool:
    return (
        "关于" in text
        and re.sub(TITLE_SUFFIX, "", text).endswith(NOTICE_ENDINGS)  # …实施意见(2024—2026年)
        and 8 <= len(text) <= 120
        and not re.search(r"[。;:!?]", text)
    )


def find_plan_title(lines: list[str], notice_title: str) -> str:
    """A standalone title line (吉安市…2017年工作要点), else what the notice title or cover prints."""
    # a notice that prints no plan of its own (关于进一步稳就业促增收的通知) is the plan: a title line after
    # its numbered items heads an attached table
    own_items = bool(notice_title) and not _PRINTS.search(notice_title)
    standalone = _standalone_title(lines, before_items=own_items)
    if standalone and not (standalone in notice_title and not notice_title.endswith(standalone + "的通知")):
        return standalone  # (a piece of a notice title printed over several lines is not one)
    m = _PRINT_PLAN.search(notice_title)
    if m:  # a title quoted inside the quoted one prints 〈〉 there and 《》 standing alone
        return _compact(m[1] or m[2]).translate(_INNER_QUOTES)
    m = re.search(r"关于印发(.{4,80}?)的通知$", notice_title)
    if m:
        return m[1]
    from plantrack.lang.numbering import MARKER_START

    items_above = False  # an 附件 after the notice's own numbered items is a table of it, not the plan
    for line in lines[:HEAD_LINES]:
        items_above = items_above or MARKER_START.match(line.strip()) is not None
        cover = re.search(
            r"现将\s*(《[^》]{4,80}》[^《》,。\d]{0,12}?)\s*(?:\(以下简称.{0,12}?\))?\s*(?:予以)?印发", line
        )
        cover = cover or re.search(r"^(《[^》]{4,80}》)[^。]{0,30}(?:现印发|印发给你们|现予印发)", line)
        if cover:
            named = re.sub(r"\(以下简称.*?\)$", "", _compact(cover[1]))
            return named.replace("《", "").replace("》", "").translate(_INNER_QUOTES)
        reposted = _REPOSTED.search(_compact(line))
        if reposted and not items_above:
            return reposted[1].translate(_INNER_QUOTES)
        att = None if items_above else _ATTACHMENT.match(line.strip())
        if att and att["name"].endswith(PLAN_GENRES):
            return _compact(att["name"])
        drafted = None if items_above else _DOC_SITE_FILE.search(line) or _DRAFTED.search(_compact(line))
        if drafted and ends_with_genre(drafted[1]):
            return drafted[1].translate(_INNER_QUOTES)
    if notice_title and not _PRINTS.search(notice_title) and ends_with_genre(notice_title):
        return notice_title  # 某市人民政府关于推动…的实施意见: the notice is the plan itself
    return ""


def _standalone_title(lines: list[str], *, before_items: bool = False) -> str:
    """The first line (or two) in the head that reads as a plan's title; with ``before_items``, only
    above the first numbered item."""
    from plantrack.lang.numbering import MARKER_START, REQUIREMENT_TITLES

    head = [
        ""
        if _NTH_LINE.match(_compact(ln)) or _tag_list(ln)
        else _without_glued_tail(_without_label(_without_doc_number(_title_text(ln))))
        for ln in lines[:HEAD_LINES]
    ]
    for i, text in enumerate(head):
        if before_items and MARKER_START.match(lines[i].strip()):
            break
        if not text or MARKER_START.match(lines[i].strip()) or "关于" in text or text in REQUIREMENT_TITLES:
            continue
        glued = _glued_title(text)
        if glued:
            return glued
        if (
            _LIST_ITEM.match(text)
            or text.startswith("附件")
            or _INFO_LINE.search(text)
            or text[:1] in NAV_BULLETS
        ):
            continue
        nxt = head[i + 1] if i + 1 < len(head) else ""
        place = _PLACE_START.match(text)
        site = text.endswith("政府") and _PLACE_START.match(nxt) is not None  # 洛阳市涧西区人民政府 / 涧西区…
        if place and (nxt.startswith(place[0]) or site) and _is_title_line(nxt):
            continue  # 淮安市人民政府 (the site's name) over 淮安市2024年…分工表: the title is below
        joinable = len(text) < 30 and not re.search(r"[()\[\]【】:]", text) and not text.endswith(PLAN_GENRES)
        joinable = joinable and not _DOC_NUMBER.match(text)  # 湘政发〔2016〕1号 over the title: no half of it
        # 首页 Home > 通知公告 Notices: the last crumb of a breadcrumb is no half of the title below
        joinable = joinable and not _BREADCRUMB_HEAD.match(_compact(lines[i]))
        joinable = (
            joinable
            and not _LIST_ITEM.match(nxt)
            and not _INFO_LINE.search(nxt)
            and nxt[:1] not in NAV_BULLETS
        )
        if (
            joinable
            and nxt
            and "关于" not in nxt
            and date_line(lines[i]) is None
            and not MARKER_START.match(lines[i + 1].strip())
            and _is_title_line(text + nxt)
            # 计划总结 (a breadcrumb's last word) over 鹤泉县2020年…分解表: a title opens with its place
            and not (place is None and _PLACE_START.match(nxt) and _is_title_line(nxt))
            # 崇明政要 (a site's column) over 2019年崇明区…安排: only a body's name opens a title that starts
            # with its year (吉安市农民工工作领导小组 / 2017年工作要点)
            and not (_YEAR_START.match(nxt) and _is_title_line(nxt) and not text.endswith(_BODY_ENDINGS))
        ):
            return text + nxt
        if _is_title_line(text):
            # (a title of its own below, 2024年…方案 or 某县…方案 under 关于印发, is none of its half)
            opening = _title_opening(head[i - 1]) if i and not _YEAR_START.match(text) else ""
            if opening:
                return opening + text
            # (2024—2026年) below is the title's; (2026年2月27日) below is the day it was adopted, and
            # (列第一位的为牵头单位) a rule for the table under it
            suffix = (
                re.fullmatch(TITLE_SUFFIX.removeprefix(r"\s*"), nxt)
                and date_line(nxt) is None
                and re.search(FIRST_LEAD_RULE, nxt) is None
            )
            return text + nxt if suffix else text
    return ""


def _title_opening(text: str) -> str:
    """关于在全县开展“…” over 专项行动实施方案: a plan's title printed over two lines, its first line
    opening with 关于 and naming no genre of its own (not a notice title's head, 某县人民政府关于)."""
    bare = re.sub(r"“[^“”]*”", "", text)  # a slogan in quotes may hold a comma
    if not text.startswith("关于") or _is_notice_title(text) or ends_with_genre(text) or _PRINTS.search(text):
        return ""
    return text if len(text) <= 40 and not re.search(r"[。,;:!?《》()]", bare) else ""


def _tag_list(line: str) -> bool:
    """实施方案 体检评估工作实施方案 住房抗震改造工作实施方案: a site's list of tags, not a title."""
    pieces = line.split()
    return len(pieces) > 1 and all(ends_with_genre(p) for p in pieces)


def _without_label(text: str) -> str:
    """范文资料:全县…实施方案: a site's label before a title (not 附件:, which names a file)."""
    m = _SITE_LABEL.match(text)
    return text[m.end() :] if m and not text.startswith("附件") and _is_title_line(text[m.end() :]) else text


def _glued_title(text: str) -> str:
    """The title at the start of a line that runs on into the body: …实施方案为认真落实… → …实施方案."""
    from plantrack.lang.doctype import PLAN_GENRES

    for m in re.finditer("|".join(PLAN_GENRES), text[:62]):
        if text.startswith(W.BODY_OPENERS, m.end()) and _is_title_line(text[: m.end()]):
            return text[: m.end()]
    return ""


def _is_title_line(text: str) -> bool:
    text = LOST_CHARACTER.sub("口", text)  # 龙?(dòng)县…: the ? stands for a character
    return (
        8 <= len(text) <= 60
        and text.count("《") == text.count("》")  # not a piece of a title printed over three lines
        and ends_with_genre(text)
        and not re.search(r"[。,;:!?]", text)
        and not text.startswith(("根据", "为", "现将"))
        # 《政府工作报告》重点工作部门分工的意见 is a title; 《…方案》 alone quotes one (a cover's line)
        and not (text.startswith("《") and text.endswith("》"))
    )


def bare_digits_date(line: str, page_dates: list[date]) -> date | None:
    """2019116 → 2019-01-16: of a date printed without 年月日, the reading a date the page prints
    elsewhere confirms, else the likelier shape: a one-digit month with a two-digit day (9 × 22 days
    a year) before a two-digit month with a one-digit day (3 × 9). With 月 left (20221月26) it is read."""
    if marked := _PART_MARKED_DATE.match(line):
        return _valid_date(marked[1], marked[2], marked[3])
    m = _BARE_DIGITS_DATE.match(line)
    if not m:
        return None
    year, rest = m[1], m[2]
    cuts = [2] if len(rest) == 4 else [c for c in (1, 2) if c < len(rest) and "0" not in (rest[0], rest[c])]
    readings = [d for c in cuts if len(rest) - c <= 2 and (d := _valid_date(year, rest[:c], rest[c:]))]
    confirmed = [d for d in readings if d in page_dates]
    return next(iter(confirmed or readings), None)


def _bare_signature(lines: list[str], i: int, page_dates: list[date]) -> date | None:
    """A date printed without 年月日 under the issuer's name, or one the page was published soon after
    (…印发给你们。 / 2024327 on a page of 2024-03-28)."""
    d = bare_digits_date(lines[i], page_dates)
    if d is None or (i and _is_issuer_line(lines[i - 1])):
        return d
    return d if any(0 <= (p - d).days <= BARE_DATE_BEFORE_PAGE for p in page_dates) else None


def _page_dates(lines: list[str]) -> list[date]:
    return [
        d
        for line in lines[:HEAD_LINES]
        if (m := _PAGE_DATE.search(line)) and (d := _valid_date(m[1], m[2], m[3]))
    ]


def find_signature(lines: list[str]) -> tuple[list[str], date | None]:
    """The signature: issuer lines just above a date-only line (the first such, so a cover notice's
    signature comes before its plan's), else an issuer and a date on one line near the top or at
    the end, else the first date-only line with no issuer. Under issuer lines, a date a page printed
    without 年月日 (2019116) counts too."""
    page_dates = _page_dates(lines)
    dated = [
        (i, d)
        for i, line in enumerate(lines)
        if (d := date_line(line) or _bare_signature(lines, i, page_dates))
    ]
    for i, d in dated:
        issuers: list[str] = []
        j = i - 1
        while j >= 0 and j >= i - 6 and _is_issuer_line(lines[j]):
            issuers[:0] = lines[j].split()
            j -= 1
        if issuers:
            return issuers, d
    ends = lines[:HEAD_LINES] + lines[max(HEAD_LINES, len(lines) - TAIL_LINES) :]
    trailing = [
        (m, signed) for m in map(_TRAILING_DATE.search, ends) if m and (signed := cn_date(m[2], m[3], m[4]))
    ]
    for m, signed in trailing:  # …印发给你们。 吉林省教育厅 2015年3月10日
        if m[1]:
            return [m[1]], signed
    if dated:
        return [], dated[0][1]
    return ([], trailing[0][1]) if trailing else ([], None)


def _is_issuer_line(line: str) -> bool:
    text = line.strip()
    return 2 <= len(text) <= 60 and not re.search(r"[。,;:!?()《》]", text) and not re.search(r"\d", text)


def ends_with_genre(title: str) -> bool:
    """…工作要点, …行动方案(2020-2022年), …实施方案(试行)."""
    return re.sub(TITLE_SUFFIX, "", title).endswith(PLAN_GENRES)


def find_year(*texts: str) -> int | None:
    """The first year a text prints; of a span (2024—2026年, 2024年至2026年), the year it starts."""
    for text in texts:
        m = _YEAR_SPAN.search(text) or _YEAR.search(text)
        if m:
            return int(m[1])
    return None


_DATE_HEAD = re.compile(r"(?:19|20)\d{2}年[0-9一二三四五六七八九十]{1,2}月$")
_DATE_TAIL = re.compile(r"^[0-9一二三四五六七八九十]{1,3}日$")


def _join_split_dates(lines: list[str]) -> list[str]:
    """2019年3月 / 5日: a signature date a page broke over two lines is one date."""
    out: list[str] = []
    for line in lines:
        if out and _DATE_TAIL.match(line.strip()) and _DATE_HEAD.search(out[-1].strip()):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _unfold_label_rows(lines: list[str]) -> list[str]:
    """Site info tables (文 号 | 江政办〔2022〕1号 | 发文日期 | …) become label:value lines."""
    out: list[str] = []
    for line in lines[:HEAD_LINES]:
        if out and (label := _label_alone(out[-1])):  # • 成文日期: / 2022-01-26
            out[-1] = f"{label}:{line.strip()}"
            continue
        cells = [c.strip() for c in line.split("|")] if "|" in line else []
        pairs = [
            f"{cells[i].rstrip(':')}:{cells[i + 1]}"
            for i in range(len(cells) - 1)
            if _compact(cells[i]).rstrip(":") in _INFO_LABELS and cells[i + 1]
        ]
        out.extend(pairs or [line])
    return out + lines[HEAD_LINES:]


_BULLETS = "•·●▪-* "


def _label_alone(line: str) -> str | None:
    """• 成文日期: — a site info label on a line of its own (its value on the next line): the label."""
    text = _compact(line).lstrip(_BULLETS)
    label = text.rstrip(":：")
    return label if label != text and label in _INFO_LABELS else None


def extract_metadata(lines: list[str]) -> Metadata:
    lines = _join_split_dates(_unfold_label_rows(lines))
    meta = Metadata()
    meta.doc_number = find_doc_number(lines)
    meta.notice_title = find_notice_title(lines)
    plan_title = find_plan_title(lines, meta.notice_title)
    if plan_title and meta.notice_title.endswith(plan_title) and "印发" not in meta.notice_title:
        plan_title = ""  # the second line of a notice title split in two (省人民政府关于 / 进一步…意见)
    meta.title = plan_title or meta.notice_title
    issuers, signed = find_signature(lines)
    if signed is None:
        for line in lines[:HEAD_LINES]:
            m = _LABELLED_DATE.search(line)
            if m:
                signed = date(int(m[1]), int(m[2]), int(m[3]))
                break
    meta.issued_on = signed or _date_by_doc_number(lines) or _printed_on(lines) or _reposted_on(lines)
    meta.issuer = issuers or _issuer_from_labels(lines) or _issuer_from_title(meta.notice_title)
    meta.year = (
        find_year(meta.title, meta.notice_title)
        or (signed.year if signed else None)
        or _doc_number_year(meta.doc_number)
        or find_year(*lines[:OPENING_YEAR_LINES])
    )
    if meta.year is None:
        meta.year = _page_year(lines[:HEAD_LINES])
        meta.year_from_page = meta.year is not None
    meta.recipients = find_recipients(lines)
    return meta


def _date_by_doc_number(lines: list[str]) -> date | None:
    """临管发[2017]11号 2017-03-21: a header printing the date after the 文号, on its line."""
    for line in lines[:HEAD_LINES]:
        m = _DOC_NUMBER.match(line.strip())
        if m:
            rest = line.strip()[m.end() :]
            iso = _ISO_DATE.match(rest)
            return _valid_date(*iso.groups()) if iso else date_line(rest) if rest.strip() else None
    return None


def _reposted_on(lines: list[str]) -> date | None:
    """(记者 某某)2022年1月25日,省委、省政府出台《…》,全文如下: a repost's lede dates the document."""
    for line in lines[:HEAD_LINES]:
        text = _compact(line)
        m = _REPOSTED.search(text)
        dated = m and _LEDE_DATE.search(text, 0, m.start())
        if dated:
            return _valid_date(dated[1], dated[2], dated[3])
    return None


def _printed_on(lines: list[str]) -> date | None:
    """某局办公室 2025年3月6日印发: the 版记's date, when nothing else dates the notice."""
    for line in reversed(lines):
        m = _PRINTED_ON.search(line.strip())
        if m:
            return _valid_date(m[1], m[2], m[3])
    return None


def _valid_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _page_year(lines: list[str]) -> int | None:
    """发布时间:2021-05-18 10:21: the year the page was published."""
    return next((int(m[1]) for line in lines if (m := _PAGE_DATE.search(line))), None)


def _doc_number_year(doc_number: str) -> int | None:
    m = re.search(r"(?:19|20)\d{2}", doc_number)
    return int(m.group(0)) if m else None


def _issuer_from_labels(lines: list[str]) -> list[str]:
    for line in lines[:HEAD_LINES]:
        m = _ISSUER_LABEL.match(line.strip())
        if m:  # 发布机构: 某区教育局 主题分类: 教育: the next label of the site's info line ends the name
            return [_NEXT_SITE_LABEL.split(m[1], maxsplit=1)[0].strip()]
    return []


def _issuer_from_title(notice_title: str) -> list[str]:
    head = notice_title.split("关于", 1)[0]
    return head.split() if head and "关于" in notice_title else []


def find_recipients(lines: list[str]) -> list[str]:
    """主送: the line ending with a colon that lists agencies, before the body."""
    from plantrack.extract.orgnames import split_top

    for line in lines[:HEAD_LINES]:
        m = _RECIPIENTS.match(line.strip())
        if m and ("各" in m[1] or "、" in m[1] or "," in m[1]) and not m[1].startswith(("根据", "为", "经")):
            return [r for r in split_top(m[1], ",;") if r]
    return []


def cover_lines(lines: list[str], plan_title: str) -> set[int]:
    """1-based numbers of the lines of a cover notice after 现将…印发给你们, up to its signature date,
    the 附件 line, the plan's own title, or a numbered item that assigns agencies (a plan's task).
    A task table's row ends it too, and so does a numbered line just above one (一、就业创业: the
    table's section row)."""
    from plantrack.extract.agencies import attribution_phrases
    from plantrack.lang.doctype import COVER_HANDOVER
    from plantrack.lang.numbering import MARKER_START, TABLE_ROW

    handover = re.compile(COVER_HANDOVER)
    row_mark = TABLE_ROW.format("")[0]
    inside, out = False, set()
    for no, line in enumerate(lines, 1):
        if inside:
            text = _compact(line)
            ends = date_line(line) or text.startswith("附件") or text == plan_title or _is_title_line(text)
            numbered = MARKER_START.match(line)
            above_row = no < len(lines) and lines[no].startswith(row_mark)
            if ends or line.startswith(row_mark) or (numbered and (attribution_phrases(line) or above_row)):
                inside = False
            else:
                out.add(no)
        elif handover.search(line.replace(" ", "")):
            inside = True
    return out


def attachment_list_lines(lines: list[str]) -> set[int]:
    """1-based numbers of the entries after the first of an attachment list (附件:1. …表 / 2. …表):
    the names of the files a cover notice hands over, not items of the plan."""
    out: set[int] = set()
    expected = 0
    for no, line in enumerate(lines, 1):
        text = _compact(line)
        first = _ATTACHMENT.match(text)
        entry = _LIST_ITEM.match(text)
        if first and first["entry"] == "1" and not first["name"].endswith(("。", ";")):
            expected = 2
        elif expected and entry and text.startswith(f"{expected}") and not text.endswith(("。", ";")):
            out.add(no)
            expected += 1
        else:
            expected = 0
    return out
