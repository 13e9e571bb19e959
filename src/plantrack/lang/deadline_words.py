"""Deadline phrases (6月底前, 年底前, 上半年, 第三季度, 到2020年) and the contexts that cancel them.

Data only, read by extract/deadlines.py. Each pattern is (kind, regex); the kind tells the reader
which named groups it fills:

- ``y`` a printed four-digit year, ``rel`` a relative year (今/本/当 = plan year, 明/次 = next year)
- ``m``/``d`` month and day (Arabic or Chinese numerals), ``part`` 底/末/份/上旬/中旬/下旬 of the month
- ``q`` the quarter (一…四 or 1…4), ``h`` the half year (上/下)
- ``label`` a 完成时限: label, left out of the printed phrase
- ``y2``/``m2``/``d2``/``part2`` the end of a period (2011年9月26日至30日, 4月—9月底): the period's
  last day is its deadline; an end printed without year or month takes the start's

No pattern nests quantifiers, so matching stays linear on long texts.
"""

from __future__ import annotations

_YEAR = r"(?:(?P<y>\d{4})年|(?P<rel>今|本|当|明|次)年)?"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
BEFORE_WORDS: tuple[str, ...] = ("之前", "以前", "前")
_BEFORE = r"(?:前|之前|以前)"
_TO = r"\s?(?:至|到|—|–|-|~|－)\s?"
_END_YEAR = r"(?:(?P<y2>\d{4})年|(?P<rel2>次|明|翌)年)?"
_END_MONTH = _MONTH.replace("?P<m>", "?P<m2>")
_END_DAY = _DAY.replace("?P<d>", "?P<d2>")
_NO_MORE_DATE = r"(?![\d一二三四五六七八九十日号])"
# What may follow a printed year and month for it to be a deadline (2025年6月完成, a table cell).
_MONTH_DEADLINE_AFTER = r"(?=(?:全面|基本|全部)?(?:完成|建成|实现|办结|落实|到位)|\s*(?:$|[)\]】|;。\n]))"
_LABEL = r"(?P<label>(?:(?:完成|办结|截止)?时限(?:要求)?|完成时间|时间节点|截止时间|截止日期)[::]?\s*)"

# Verbs right after a clause's opening year that make the year a milestone: 2026年达到20个.
MILESTONE_VERBS: tuple[str, ...] = (
    "达到",
    "实现",
    "完成",
    "建成",
    "基本实现",
    "全面实现",
    "全面完成",
    "累计",
)

# How a line that is only a deadline opens: a year (2005.1—4, 2025年6月), a month (6月底前), a quarter, a
# half or the year (一季度, 第三季度, 上半年, 年底前), ongoing work (长期坚持, 持续推进), for a date cell
# flattened under its item cells (extract/column_blocks.py).
DATE_CELL_START = r"\d{4}[.\-/年]|[\d一二三四五六七八九十]{1,2}月|第?[一二三四1-4]季度|[上下]半年|[本今明]?年[底末内]|长期|持续|全年"

# Words of commitment before a year or a day the work is due by (力争在2023年完成, 确保2021年7月1日开馆).
COMMIT_WORDS: tuple[str, ...] = ("力争", "确保", "争取")

# (kind, pattern). The kinds: date (a day), month, quarter, half, year (the end of a year).
PATTERNS: tuple[tuple[str, str], ...] = (
    # 7月10日前, 2017年9月30日之前
    ("date", _YEAR + _MONTH + "月" + _DAY + "[日号]" + _BEFORE),
    # 完成时限:2019年7月31日 / 完成时限:2019年7月
    (
        "date",
        _LABEL
        + _YEAR
        + _MONTH
        + "月(?:"
        + _DAY
        + r"[日号])?(?![\d一二三四五六七八九十底末份上中下前之以旬])",
    ),
    # periods: 2011年9月26日至30日, 9月26日至2012年2月6日, 5月2日—7日, 5月2日7日 (dash lost)
    (
        "period",
        _YEAR
        + _MONTH
        + "月"
        + _DAY
        + "[日号]?"
        + _TO
        + _END_YEAR
        + f"(?:{_END_MONTH}月)?"
        + _END_DAY
        + "[日号]",
    ),
    ("period", _YEAR + _MONTH + "月" + _DAY + "[日号]" + _END_DAY + "[日号]"),
    # 4月—9月, 2025年10月至12月底, 2025年4月至2026年6月
    (
        "period",
        _YEAR
        + _MONTH
        + "月份?"
        + _TO
        + _END_YEAR
        + _END_MONTH
        + "月(?P<part2>份|底|末|上旬|中旬|下旬)?"
        + _NO_MORE_DATE,
    ),
    # 6月底前, 3月底, 9月份, 2017年10月底前, 6月前, 5月中旬前
    (
        "month",
        _YEAR
        + _MONTH
        + "月(?:(?P<part>底|末|份|上中旬|中下旬|上旬|中旬|下旬)"
        + _BEFORE
        + "?|"
        + _BEFORE
        + ")",
    ),
    # the end of a campaign that runs from now: 即日起至4月30日
    ("date", r"(?<=起至)" + _YEAR + _MONTH + "月" + _DAY + "[日号]" + r"(?!止?(?:实施|执行|施行|有效))"),
    # a stage's month in brackets after its heading: 动员部署阶段(5月), 总结阶段（2025年11月）
    ("month", r"(?<=[(（])" + _YEAR + _MONTH + "月份?" + r"(?=[)）])"),
    # a stage's year alone in brackets after its heading: 巩固提升阶段（2026年） ends with that year
    ("year", r"(?<=阶段[(（])(?P<y>\d{4})年(?:度)?(?=[)）])"),
    # 2025年6月完成, a table cell 2025年6月 (a printed year: 6月 alone is too often a date of an event)
    ("month", r"(?P<y>\d{4})年" + _MONTH + "月" + _MONTH_DEADLINE_AFTER),
    # a day without 前 where a deadline stands: 6月30日完成, a table cell 2021年12月31日
    ("date", _YEAR + _MONTH + "月" + _DAY + "[日号]" + _MONTH_DEADLINE_AFTER),
    # a date in figures in a table cell or before 前: 2021.12, 2021-12-31, 2021/6/30前
    (
        "date",
        r"(?P<y>\d{4})(?P<sep>[./-])(?P<m>1[0-2]|0?[1-9])(?:(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9]))?"
        + rf"(?:(?P<part>底|末)?{_BEFORE}|{_MONTH_DEADLINE_AFTER})",
    ),
    # a period in figures in a table cell: 2005.1—4, 2005.5—2006.6 (due at the end of its last month)
    (
        "period",
        r"(?P<y>\d{4})\.(?P<m>1[0-2]|0?[1-9])"
        + _TO
        + r"(?:(?P<y2>\d{4})\.)?(?P<m2>1[0-2]|0?[1-9])"
        + rf"(?![\d.]|\s?[年月])(?:{_BEFORE}|{_MONTH_DEADLINE_AFTER})",
    ),
    # 9-12月, 1至6月
    ("period", _MONTH + _TO + _END_MONTH + "月(?P<part2>底|末)?" + _NO_MORE_DATE),
    # 一季度, 第一季度末, 2023年第三季度前
    ("quarter", _YEAR + r"第?(?P<q>[一二三四1-4])季度(?:末|底)?" + _BEFORE + "?"),
    # 上半年, 上半年底前, 下半年
    ("half", _YEAR + r"(?P<h>[上下])半年(?:底|末)?" + _BEFORE + "?"),
    # 年底前, 年内, 2020年底前, 今年年底, 明年底
    ("year", r"(?:(?P<y>\d{4})|(?P<rel>今|本|当|明|次))?年(?:底|末|内|度内)" + _BEFORE + "?"),
    # 2020年前 (not 2020年前三季度)
    ("year", r"(?P<y>\d{4})年" + _BEFORE + r"(?![一二三四五六七八九十\d个季半])"),
    # 到2020年, 力争到2020年 (a month, a half or 底 after the year is another pattern's job); not the end
    # of a span of years (2024年至2026年培育…: the years the work runs over, no completion date)
    ("year", r"(?<!\d年)(?:到|至)(?P<y>\d{4})年(?![\d一二三四五六七八九十上下第底末内前度])"),
    # a milestone that opens its clause: …15个以上，2026年达到20个 (a past year is left out as a statistic)
    ("year", r"(?:(?<=^)|(?<=[,，;；。:：\n]))\s?(?P<y>\d{4})年(?=" + "|".join(MILESTONE_VERBS) + ")"),
    # …and after a word of commitment opening it: 力争在2023年完成…; a day so committed: 力争2021年7月1日开馆
    (
        "year",
        r"(?:(?<=^)|(?<=[,，;；。:：\n]))\s?(?:"
        + "|".join(COMMIT_WORDS)
        + r")(?:在|于)?(?P<y>\d{4})年(?="
        + "|".join(MILESTONE_VERBS)
        + ")",
    ),
    (
        "date",
        r"(?<=" + "|".join(COMMIT_WORDS) + r")(?:在|于)?(?P<y>\d{4})年" + _MONTH + "月" + _DAY + "[日号]",
    ),
)

# The printed number of a month's schedule item (一月份, 七至八月份, 7月—8月: lang/numbering's month styles):
# the item is due at the end of its last month, m2.
SCHEDULE_NUMBER = rf"(?:{_MONTH}(?:月份?)?{_TO})?{_END_MONTH}月份?:?"

# Relative year words: offset from the plan year.
RELATIVE_YEARS: dict[str, int] = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "翌": 1}

# Day of month for parts of a month; 底/末/份/前 mean the last day.
PART_DAYS: dict[str, int] = {"上旬": 10, "中旬": 20, "上中旬": 20}

# Last month and day of each quarter and half year.
QUARTER_ENDS: dict[int, tuple[int, int]] = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
HALF_ENDS: dict[str, tuple[int, int]] = {"上": (6, 30), "下": (12, 31)}

# Words right before a phrase that make it recurring, relative or past: 每季度, 前三季度, 去年底, 3年内.
BEFORE_BLOCKERS: tuple[str, ...] = (
    "每",
    "按",
    "逐",
    "各",
    "近",
    "前",
    "去",
    "上",
    "每年",
    "每个",
    "每半年",
    "去年",
    "上年",
    "前年",
    "往年",
    "历年",
    "同期",
    "上个",
    "第",
)
# Characters right before a phrase that make it part of a number or a longer time span.
BEFORE_BLOCK_CHARS = "0123456789.一二三四五六七八九十两几半数"

# Words right after a phrase that make it a start or a range: 2021年5月1日起, 1月至3月, 以来, and the
# dash of a period (9月下旬—10月31日: only the period's end is a deadline).
AFTER_BLOCKERS: tuple[str, ...] = (
    "起",
    "开始",
    "以来",
    "至",
    "到",
    "以后",
    "之后",
    "后",
    "同期",
    "期间",
    "—",
    "–",
    "~",
    "－",
    "-",
)
# Words that open with an after-blocker and still let the phrase be a deadline: 12月底前至少提供1次.
AFTER_BLOCKER_EXCEPTIONS: tuple[str, ...] = ("至少",)

# A date that says which things count, not when work ends: 2000年底前建成的老旧小区, 6月底前入学的,
# 2015年以前签订的合同. The phrase is followed by one of these verbs (after an optional 已/所/依法) and
# 的: a verb of how a thing came to be, so the date scopes the thing (a work verb, 完成的/办结的, is
# left out: 6月底前完成的目标 sets one).
ATTRIBUTIVE_ADVERBS: tuple[str, ...] = ("已经", "已", "所", "依法", "新")
ATTRIBUTIVE_VERBS: tuple[str, ...] = (
    # built, opened, founded
    "建成",
    "竣工",
    "投产",
    "投用",
    "交付",
    "开工",
    "建设",
    "修建",
    "兴建",
    "安装",
    "成立",
    "设立",
    "注册",
    "登记",
    "备案",
    # born, enrolled, insured, employed, retired
    "出生",
    "入学",
    "参保",
    "参加工作",
    "入职",
    "录用",
    "聘用",
    "退休",
    "退役",
    # approved, signed, issued, handed over
    "认定",
    "批准",
    "批复",
    "审批",
    "核准",
    "签订",
    "签署",
    "颁发",
    "核发",
    "发放",
    "下达",
    "拨付",
    "出让",
    "划拨",
    "购置",
    "采购",
    "受理",
    "立案",
    # made, issued as documents, arisen
    "形成",
    "产生",
    "颁布",
    "印发",
    "出台",
    "发布",
    "制定",
    "出具",
    "发生",
    "到期",
)

# A phrase ending in 以前/之前/前 and followed by a noun phrase it qualifies says which things count,
# not when work ends: 2019年以前的档案, 完成2019年以前纸质档案数字化 (2019年以前完成 stays a deadline).
# The phrase is followed by 的 or by one of these words that open such a noun phrase (a subject
# after a deadline, 2025年前老旧小区改造全部完成, is too common for 老旧/存量/历史 to be here).
SCOPE_AFTER_BEFORE: tuple[str, ...] = (
    "的",
    "纸质",
    "档案",
    "馆藏",
)  # and ATTRIBUTIVE_VERBS + 的, after any date phrase

# Words right after a period that make it the validity of a policy: …至2022年4月30日实施阶段性….
PERIOD_AFTER_BLOCKERS: tuple[str, ...] = ("实施", "执行", "施行", "期间", "有效", "止", "的", "以来")

# Words earlier in the same clause that make a date a validity period or a past date, not a deadline.
CLAUSE_BLOCKERS: tuple[str, ...] = (
    "截至",
    "截止目前",
    "实施期限",
    "有效期",
    "执行期",
    "延长至",
    "实施至",
    "执行至",
    "期限为",
    "已于",
    "统计期限",
    "自",
    "从",
)
# Words that hold 自 or 从 without meaning "from": 自行整治阶段(5月8日—13日) is still a period.
CLAUSE_BLOCKER_EXCEPTIONS: tuple[str, ...] = (
    "自行",
    "自主",
    "自觉",
    "自身",
    "自然",
    "自治",
    "自查",
    "自愿",
    "自动",
    "自我",
    "自建",
    "各自",
    "来自",
    "亲自",
    "从事",
    "从业",
    "从严",
    "从重",
    "从快",
    "从优",
    "从速",
    "从源头",
)

# Phrases that mean the work has no end date.
ONGOING_PHRASES: tuple[str, ...] = (
    "持续推进",
    "长期坚持",
    "长期推进",
    "常态化推进",
    "长期开展",
    "常态化开展",
)
# A deadline cell or label that says 长期 / 持续: 完成时限:长期, or a table cell holding only 长期.
ONGOING_PATTERNS: tuple[str, ...] = (
    r"(?:时限|完成时间|时间节点)(?:要求)?[::]\s*(?:长期|持续|常态化)",
    r"(?:^|[|\n])[ \t]*(?:长期|持续|常态化)[ \t]*(?:$|[|\n])",
)
