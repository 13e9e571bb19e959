"""Is this page a work plan? News, summaries, annual reports and interpretations are refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plantrack.extract.metadata import ends_with_genre
from plantrack.extract.outline import match_marker
from plantrack.lang.doctype import (
    ATTACHMENT_FILE,
    CONSULTATION_HEADINGS,
    CONSULTATION_HEADLINE,
    CONSULTATION_MIN,
    COVER_HANDOVER,
    DONE_STATEMENT,
    DONE_STATEMENT_MIN,
    ESTABLISHMENT_HEADLINE,
    FULL_TEXT_CUES,
    HANDOVER_VERB,
    INTERPRETATION_EVIDENCE,
    INTERVIEW_ASKERS,
    MEETING_HEADLINE_VERBS,
    MEETING_NOTICE_HEADINGS,
    MEETING_NOTICE_MIN,
    MEETING_REPORT_CUES,
    MEETING_REPORT_MIN,
    NAMED_DOCUMENT,
    NAV_BULLETS,
    NEWS_EVIDENCE,
    NEWS_LEDE,
    OTHER_KINDS,
    OTHER_TITLE_ANYWHERE,
    OTHER_TITLE_TAIL,
    OTHER_TITLE_WORDS,
    PAST_RESULT_CUES,
    PAST_RESULT_DENSITY,
    PAST_RESULT_MIN,
    PLAN_PART_HEADING,
    PROGRESS_COLUMNS,
    PROGRESS_LABEL_MIN,
    PROGRESS_LABELS,
    QA_MIN,
    QA_PREFIXES,
    REGULATION_EVIDENCE,
    REPORT_TITLE,
    ROSTER_LABELS,
    ROSTER_MIN,
    SELF_DESCRIPTION,
    SELF_NAMED_OTHER,
    SPEECH_EVIDENCE,
    SUMMARY_AND_PLAN_TITLE,
)
from plantrack.lang.metadata_words import INFO_LINE_WORDS
from plantrack.lang.numbering import MARKER_START

OPENING_LINES = 8  # where a page says what it is
FIRST_LINES = 3  # where its title or first sentence names its genre
SELF_LINES = 12  # where a plan says 制定本方案
TITLE_LINES = 15  # where a title-like line may say it reports progress (…完成情况, …进度表)


def _title_like(line: str) -> bool:
    return 6 <= len(line) <= 60 and not any(p in line for p in "。;,:")


@dataclass
class Verdict:
    is_plan: bool
    looks_like: str  # 工作计划 / 新闻报道 / 年度报告 ...
    reason: str


def classify(
    lines: list[str],
    title: str,
    tasks: int,
    attributed: int,
    items: int = 0,
    *,
    points_only: bool = False,
    signed: bool = False,
) -> Verdict:
    """tasks: trackable items; attributed: those with agencies (strong evidence of a plan); items: all
    numbered items (a plan's opening may show only 指导思想 and 总体目标). points_only: every item is a
    point of prose (一是…二是…), as news and speeches list what was said too; signed: the page has a
    落款 date."""
    lines = [ln for ln in lines if ln[:1] not in NAV_BULLETS]  # a site's menu says nothing about the page
    opening = "\n".join(lines[:OPENING_LINES])
    titled = _titled_otherwise(lines, title)
    if titled:
        return titled
    if re.search(REGULATION_EVIDENCE, " ".join(lines)):
        return Verdict(False, "规章制度", "正文是“第一章 总则 第一条……”的条文，是规章制度，不是工作计划")
    if _plan_only_attached(lines):
        return Verdict(False, "印发通知", "方案只作为附件文件（下载链接）给出，页面上没有方案正文")
    if tasks == 0:
        return _without_tasks(lines, opening, title, items)
    if points_only and not (signed or _names_plan(lines, title)):
        return Verdict(
            False,
            _other_kind(opening) or "其他文章",
            "条目只是“一是……二是……”的段落，标题不像工作计划，也没有落款日期",
        )
    return _with_tasks(lines, opening, title, tasks, attributed)


def _plan_only_attached(lines: list[str]) -> bool:
    """A cover notice (现将《…方案》印发给你们) whose plan is an attachment file (附件：…（点击下载）)
    with nothing numbered below it, and whose plan's title never heads text of its own on the page."""
    for k, line in enumerate(lines):
        if not re.match(ATTACHMENT_FILE, line):
            continue
        cover = "".join(lines[:k])
        if not re.search(COVER_HANDOVER, cover):
            return False
        named = set(re.findall(NAMED_DOCUMENT, cover))
        shown = any(ln.replace(" ", "") in named for ln in lines)
        below = any(MARKER_START.match(ln) for ln in lines[k + 1 :])
        return not shown and not below
    return False


def _titled_otherwise(lines: list[str], plan_title: str) -> Verdict | None:
    """A title-like line that names another genre: …落实情况的通报, …工作规则, …会议上的讲话. Lines
    after the plan's own title (…工作要点) are its headings, not titles."""
    for line in lines[:TITLE_LINES]:
        if plan_title and line.replace(" ", "") == plan_title and ends_with_genre(plan_title):
            return None
        if MARKER_START.match(line):  # 1.完善应急预案体系 is an item, not a title
            continue
        title = _named_document(line.lstrip(NAV_BULLETS).strip())
        word = next((w for w in OTHER_TITLE_WORDS if _names_genre(title, w)), None)
        if word and _title_like(title) and not ends_with_genre(title):
            return Verdict(False, OTHER_TITLE_WORDS[word], f"标题“{line}”含“{word}”，不是工作计划")
    return None


def _names_genre(title: str, word: str) -> bool:
    if word in OTHER_TITLE_ANYWHERE:
        return word in title
    return word in title and re.search(re.escape(word) + OTHER_TITLE_TAIL, title) is not None


def _named_document(line: str) -> str:
    """关于印发《蔚县…应急预案》的通知 → 蔚县…应急预案: a cover notice is judged by what it hands over."""
    m = re.search(r"印发\s*《(.+)》的通知$", line)
    if m:
        return m[1]
    if line.endswith("通知") and not any(w in line for w in OTHER_TITLE_WORDS if w.endswith("通知")):
        return ""
    return line


def _names_plan(lines: list[str], title: str) -> bool:
    """The title names a plan's genre or hands one over, or the opening says 制定本方案 / 印发给你们."""
    head = "\n".join(lines[:SELF_LINES])
    return (
        ends_with_genre(title)
        or HANDOVER_VERB in title
        or re.search(SELF_DESCRIPTION, head) is not None
        or re.search(COVER_HANDOVER, head) is not None
    )


def _without_tasks(lines: list[str], opening: str, title: str, items: int) -> Verdict:
    if (_names_plan(lines, title) or items) and _other_kind(opening) != "新闻报道":
        return Verdict(True, "工作计划", "")  # an opening that shows only 总体要求, or the cover notice
    return Verdict(False, _other_kind(opening) or "其他文章", "没有找到编号的工作任务（一、(一)、1. 等）")


def _with_tasks(lines: list[str], opening: str, title: str, tasks: int, attributed: int) -> Verdict:
    """Numbered measures make a plan unless the page shows positive evidence of another genre."""
    first = "\n".join(
        ln
        for ln in lines[:FIRST_LINES]
        if not re.search("|".join(INFO_LINE_WORDS), ln) and ln[:1] not in NAV_BULLETS and _title_like(ln)
    )
    mostly_attributed = attributed * 2 >= tasks
    head = "\n".join(lines[:FIRST_LINES])
    named = next((w for w in SELF_NAMED_OTHER if w in head), None)
    if named and not mostly_attributed:
        return Verdict(False, SELF_NAMED_OTHER[named], f"开头写明“{named}”，不是工作计划")
    for word in OTHER_TITLE_WORDS:
        if word in first and not mostly_attributed:
            return Verdict(False, OTHER_TITLE_WORDS[word], f"开头写明是“{word}”，不是工作计划")
    whole = "\n".join(lines)
    interpretation = _interpretation(lines, whole)
    if interpretation:
        return Verdict(False, "政策解读", f"页面有“{interpretation}”，是政策解读，不是工作计划")
    asked = sum(re.sub(r"\s", "", ln).startswith(INTERVIEW_ASKERS) for ln in lines)
    if asked >= QA_MIN and _news_evidence(opening):
        return Verdict(False, "访谈", "页面是记者提问、受访人回答的访谈，不是工作计划")
    speech = next(
        (m[0] for p in SPEECH_EVIDENCE for ln in lines[:SELF_LINES] if (m := re.search(p, ln))), None
    )
    if speech:
        return Verdict(False, "讲话稿", f"页面有“{speech}”，是讲话稿，不是工作计划")
    if sum(whole.count(label) for label in PROGRESS_LABELS) >= PROGRESS_LABEL_MIN:
        return Verdict(False, "进展情况通报", "各项任务下写有“实际完成情况”等进展，是进展报告，不是工作计划")
    reported = _reports_on_work(lines, whole)
    if reported:
        return reported
    if not mostly_attributed and _reads_as_summary(whole):
        return Verdict(False, "工作总结", "通篇是已取得的成绩（取得、同比、累计、入选……），不是要做的工作")
    kind = _other_kind(opening)
    meeting = sum(cue in whole for cue in MEETING_REPORT_CUES) >= MEETING_REPORT_MIN
    if kind == "新闻报道" and _news_evidence(opening) and meeting and HANDOVER_VERB not in title:
        return Verdict(False, kind, "是会议的新闻报道（记者、会议指出、会议强调……），不是工作计划")
    headline = title or next((ln.strip() for ln in lines if _title_like(ln)), "")
    roster = sum(re.search(label, whole) is not None for label in ROSTER_LABELS) >= ROSTER_MIN
    if roster and re.search(ESTABLISHMENT_HEADLINE, headline) and HANDOVER_VERB not in headline:
        return Verdict(False, "机构设立通知", f"“{headline}”成立领导机构，正文是组成人员和职责，不是工作计划")
    headings = {_heading_text(ln) for ln in lines}
    # (a meeting's preparation plan assigns its work to units: still a plan)
    if sum(h in headings for h in MEETING_NOTICE_HEADINGS) >= MEETING_NOTICE_MIN and not mostly_attributed:
        return Verdict(
            False, "会议通知", "条目是会议时间、地点、参会人员等会议安排，是会议通知，不是工作计划"
        )
    consulting = sum(h in whole for h in CONSULTATION_HEADINGS) >= CONSULTATION_MIN
    # the call's own headline, even below a site's name line (汀州市交通运输局 / 关于公开征求《…》意见的公告)
    called = next(
        (ln for ln in [headline, *lines[:TITLE_LINES]] if re.search(CONSULTATION_HEADLINE, ln.strip())), None
    )
    if consulting and called:
        return Verdict(
            False,
            "征求意见公告",
            f"“{called.strip()}”征求对草案的意见，条目是征求时间和反馈方式，不是工作计划",
        )
    if (
        meeting
        and (any(v in headline for v in MEETING_HEADLINE_VERBS) or _lede(lines[:OPENING_LINES]))
        and not (ends_with_genre(headline) or HANDOVER_VERB in headline)
    ):
        return Verdict(
            False, "新闻报道", f"“{headline}”报道召开的会议，正文是会议指出、讲话中强调的内容，不是工作计划"
        )
    if (
        kind == "新闻报道"
        and _news_evidence(opening)
        and not (ends_with_genre(title) or HANDOVER_VERB in title)
    ):
        return Verdict(False, kind, "有记者、来源报纸等新闻特征，标题也不是工作计划")
    return Verdict(True, "工作计划", "")


def _reports_on_work(lines: list[str], whole: str) -> Verdict | None:
    """Positive evidence that the numbered items report work, whatever units they name: each said to
    be done, a summary titled with next year's plan but showing none of it, a report's progress table."""
    done = re.findall(DONE_STATEMENT, whole)
    if len(done) >= DONE_STATEMENT_MIN:
        return Verdict(False, "进展情况报告", f"各项任务下写明“{done[0]}”，是完成情况报告，不是工作计划")
    head = "\n".join(lines[:FIRST_LINES])
    both = re.search(SUMMARY_AND_PLAN_TITLE, head)
    if both:
        rest = whole[whole.index(both[0]) + len(both[0]) :]
        if not re.search(PLAN_PART_HEADING.format(year=both[2]), rest):
            return Verdict(False, "工作总结", f"“{both[0]}……”页面上只有总结部分，没有计划部分，不是工作计划")
    title = next((ln for ln in lines[:TITLE_LINES] if _report_title(ln)), None)
    column = any(cell.strip() in PROGRESS_COLUMNS for ln in lines for cell in ln.split("|"))
    if title and column:
        return Verdict(False, "进展情况报告", f"“{title}”是报告，表格列出各项的办理情况，不是工作计划")
    return None


def _report_title(line: str) -> bool:
    """…政策协调业务报告(106年2月): a title-like line that names a report, not a plan it hands over."""
    text = line.strip()
    return (
        _title_like(text)
        and not MARKER_START.match(text)
        and re.search(REPORT_TITLE, text) is not None
        and not ends_with_genre(text)
        and HANDOVER_VERB not in text
    )


def _heading_text(line: str) -> str:
    """一、 会议时间 → 会议时间: a numbered line's heading without its number and colon."""
    marker = match_marker(line.strip())
    return marker.rest.strip().rstrip(":") if marker else ""


def _interpretation(lines: list[str], whole: str) -> str | None:
    cue = next((c for c in INTERPRETATION_EVIDENCE if c in whole), None)
    if cue:
        return cue
    for ask, answer in QA_PREFIXES:
        if (
            sum(ln.startswith(ask) for ln in lines) >= QA_MIN
            and sum(ln.startswith(answer) for ln in lines) >= QA_MIN
        ):
            return ask + answer
    return None


def _lede(opening: list[str]) -> bool:
    """5月17日下午,…部署会在县政府三楼会议室召开: a line of the opening is a news lede."""
    return any(re.search(NEWS_LEDE, ln) for ln in opening)


def _news_evidence(opening: str) -> bool:
    """A byline or a newspaper in the opening, unless the page goes on to carry the document itself."""
    compact = opening.replace(" ", "")
    return any(cue in opening for cue in NEWS_EVIDENCE) and not any(cue in compact for cue in FULL_TEXT_CUES)


def _reads_as_summary(text: str) -> bool:
    hits = sum(text.count(cue) for cue in PAST_RESULT_CUES)
    return hits >= PAST_RESULT_MIN and hits * 1000 >= PAST_RESULT_DENSITY * max(len(text), 1)


def _other_kind(text: str) -> str | None:
    best, hits = None, 0
    for label, cues in OTHER_KINDS:
        n = sum(cue in text for cue in cues)
        if n > hits:
            best, hits = label, n
    return best if hits >= 2 or (best in ("年度报告", "会议纪要", "政策解读") and hits) else None
