"""Signals that tell a work plan from other pages (news, summaries, annual reports). Data only."""

from __future__ import annotations

# Endings of a plan's own title (吉安市…2017年工作要点).
PLAN_GENRES: tuple[str, ...] = (
    "工作要点",
    "目标责任书",
    "工作责任分工",
    "任务分工",
    "责任分工",
    "任务分工方案",
    "责任分工方案",
    "分工方案",
    "实施方案",
    "工作方案",
    "行动方案",
    "行动计划",
    "工作计划",
    "责任分解",
    "任务分解",
    "实施意见",
    "实施细则",
    "若干措施",
    "工作措施",
    "工作安排",
    "任务清单",
    "责任清单",
    "重点任务",
    "任务分解表",
    "民生实事项目",
    "实事项目",
    "分解表",
    "分工表",
    "任务表",
    "任务台账",  # …重点任务台账: the tasks as a ledger
    "工作台账",
    "台账",
    "要点",
    "方案",
    "计划",
    "意见",
    "规划",
    "措施",
    "清单",
    "安排",
)
# What may follow a plan genre at the end of a title: (2020-2022年), (试行), (征求意见稿).
TITLE_SUFFIX = r"\s*[(（][^()（）]{1,14}[)）]$"
# A plan that names itself in its opening lines (结合我市实际,制定本工作方案): a plan, titled or not.
SELF_DESCRIPTION = (
    r"制定本(?:工作|实施|行动)?(?:方案|计划|意见|要点|细则|措施)|特制定本|现提出(?:如下|以下)(?:实施)?意见"
)
# A notice title (…关于印发…的通知).
NOTICE_ENDINGS: tuple[str, ...] = ("通知", "通报", "意见", "决定", "函", "方案", "计划", "要点", "办法")

# What other kinds of page look like: (kind label shown to the user, cue words).
OTHER_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "新闻报道",
        (
            "记者",
            "记者/",
            "本报",
            "责任编辑",
            "通讯员",
            "来源:",
            "日报",
            "晚报",
            "新闻",
            "据悉",
            "近日",
            "获悉",
            "讯",
        ),
    ),
    ("年度报告", ("年度报告", "年报", "工作年度报告")),
    ("工作总结", ("工作总结", "总结", "回顾")),
    ("会议纪要", ("会议纪要", "纪要")),
    ("政策解读", ("政策解读", "解读", "答记者问")),
)
# How a page names itself as another genre in its first sentences (本年度报告根据…编制).
SELF_NAMED_OTHER: dict[str, str] = {
    "本年度报告": "年度报告",
    "本报告": "工作报告",
    "现将主要内容解读如下": "政策解读",
    "现将有关情况通报如下": "进展情况通报",
    "现将有关情况报告如下": "进展情况报告",
}
# Positive evidence of a news report, beyond a site's 新闻中心 menu or a 来源 line: a byline, a
# dateline, a newspaper as the source. A page with numbered measures is refused as news only on these.
NEWS_EVIDENCE: tuple[str, ...] = (
    "记者",
    "通讯员",
    "本报讯",
    "本报",
    "日讯",
    "日电",
    "日报",
    "晚报",
    "作者:",
    "据悉",
)
# A news page that carries the document itself after its lede (…出台《…实施意见》，全文如下。): the
# page is the plan, reposted; its byline is no evidence against it.
FULL_TEXT_CUES: tuple[str, ...] = (
    "全文如下",
    "原文如下",
    "全文见下",
    "以下为全文",
    "以下是全文",
    "全文刊发如下",
)
# A regulation opens its articles with a chapter of general provisions (第一章 总则 第一条 为…): its
# 第N条 are standing rules, not the year's work.
REGULATION_EVIDENCE = r"第一章\s*总\s*则\s*第一条"

# A report of a meeting tells what the meeting said (会议指出…会议强调…): that many of these on a
# page make it news about the meeting, whatever its title says (…会议召开 部署2025年重点任务).
MEETING_REPORT_CUES: tuple[str, ...] = (
    "会议指出",
    "会议强调",
    "会议要求",
    "会议明确",
    "会议认为",
    "会议提出",
    "会议决定",
    "会议听取",
    "会议研究",
    # what the report says of the speaker (副县长陈志远出席会议并讲话…陈志远在讲话中指出)
    "出席会议并讲话",
    "出席会议并作讲话",
    "出席会议并作重要讲话",
    "在讲话中指出",
    "在讲话中强调",
    "在讲话中要求",
)
MEETING_REPORT_MIN = 2
# A news lede: the body opens with the day and the meeting held that day (5月17日下午,…动员部署会在
# 县政府三楼会议室召开). With what the meeting said, a report of it, whatever its headline says.
NEWS_LEDE = r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?,[^。]{0,60}?(?:召开|举行|举办)"
# A cover notice's verb for handing a plan over (关于印发…的通知): a title with it names a plan.
HANDOVER_VERB = "印发"
# A notice that sets up (or reshapes) a leading group, with its roster (组长:… 成员:…) and standing
# duties: an organisation notice, not the year's work. A plan handed over with it (印发…方案) is a plan.
ESTABLISHMENT_HEADLINE = r"关于(?:成立|调整|设立)[^《》]{2,60}(?:领导小组|工作专班|指挥部|委员会|工作组)(?:成员)?(?:的通知|的决定)$"
ROSTER_LABELS: tuple[str, ...] = (r"组\s*长\s*:", r"副\s*组\s*长\s*:", r"成\s*员\s*:")
ROSTER_MIN = 2

# A call for comments on a draft (关于公开征求《…实施方案（征求意见稿）》意见的公告): its numbered items
# say how to comment, the draft itself is attached. A headline of this shape and that many of these
# headings make it a 征求意见公告, not the plan.
CONSULTATION_HEADLINE = r"征求.{0,80}意见的(?:公告|通知|公示|函)$"
CONSULTATION_HEADINGS: tuple[str, ...] = (
    "征求意见时间",
    "征求意见期限",
    "征求意见范围",
    "意见反馈方式",
    "反馈方式",
    "反馈意见方式",
    "联系方式",
    "联系人",
)
CONSULTATION_MIN = 2
# Headings of a notice calling a meeting (一、会议时间 二、会议地点 三、参会人员): at least MEETING_NOTICE_MIN
# of them as whole headings make the page a meeting's notice, its items the meeting's arrangements.
MEETING_NOTICE_HEADINGS: tuple[str, ...] = (
    "会议时间",
    "会议地点",
    "会议内容",
    "会议议程",
    "参会人员",
    "参加人员",
    "出席人员",
    "时间地点",
    "时间和地点",
)
MEETING_NOTICE_MIN = 2
# A headline that reports a meeting held (市应急管理局召开第二季度安全生产形势分析会): with what the meeting
# said on the page, news about the meeting even without a reporter's byline.
MEETING_HEADLINE_VERBS: tuple[str, ...] = ("召开", "举行", "举办")

# Positive evidence of a policy interpretation anywhere on the page (its sections 一、背景 二、主要内容
# are not measures): the sentence that announces it, the interpreting office, a Q&A.
INTERPRETATION_EVIDENCE: tuple[str, ...] = (
    "解读如下",
    "解读机构",
    "解读单位",
    "解读人:",
    "政策解读:",
    "答记者问",
    "起草背景",
    "议题解读",
    "解读:《",
)
# Positive evidence of a speech: its title (在…会议上的讲话), the salutation, the announced points.
SPEECH_EVIDENCE: tuple[str, ...] = (
    r"^在.{2,40}(?:会|会议|仪式|论坛|典礼|活动)上的(?:讲话|致辞|发言|报告|总结讲话|动员讲话)",
    r"^同志们[:,!]",
    r"讲[一二三四五六七八九十两几]点(?:意见|看法|要求)",
)
QA_PREFIXES = (("问:", "答:"), ("问:", "答:"))  # lines of a Q&A: at least QA_MIN of each
QA_MIN = 2
# An interview: the asker's lines (记 者:…) answered by the person interviewed (彭有庆:…), at least QA_MIN.
INTERVIEW_ASKERS: tuple[str, ...] = ("记者:", "主持人:")

# Words in the first lines that mark a report about the past, whatever its numbering.
OTHER_TITLE_WORDS: dict[str, str] = {
    "年度报告": "年度报告",
    "工作总结": "工作总结",
    "会议纪要": "会议纪要",
    "政策解读": "政策解读",
    "答记者问": "政策解读",
    "情况的报告": "进展情况报告",
    "情况报告": "进展情况报告",
    "情况的通报": "进展情况通报",
    "情况通报": "进展情况通报",
    "完成情况": "进展情况报告",
    "进展情况": "进展情况报告",
    "落实情况": "进展情况报告",
    "推进情况": "进展情况报告",
    "执行情况": "进展情况报告",
    "进度表": "进展情况报告",
    "督查通报": "进展情况通报",
    "述职报告": "述职报告",
    "调研报告": "调研报告",
    "评估报告": "评估报告",
    "统计公报": "统计公报",
    "名单的公示": "公示",
    "单位的公示": "公示",
    "项目的公示": "公示",
    "工作规则": "工作规则",
    "议事规则": "工作规则",
    "会议上的讲话": "讲话稿",
    "会议上的工作报告": "讲话稿",
    "会议上的致辞": "讲话稿",
    "任免": "人事决定",
    "关于表彰": "表彰决定",
    "表彰的决定": "表彰决定",
    "表彰的通报": "表彰决定",
    "表彰名单": "表彰决定",
    "予以嘉奖": "表彰决定",
    "全部完成": "新闻报道",
    "圆满完成": "新闻报道",
    "顺利完成": "新闻报道",
    "成效显著": "新闻报道",
    "聘任": "人事决定",
    "暂行办法": "规章制度",
    "管理办法": "规章制度",
    "应急预案": "应急预案",
    "预通知": "会议通知",
    "征求意见会": "会议通知",
    "制度的通知": "制度文件",
}  # (not 讲话 alone: plans cite 重要讲话精神 in their headings)
# Of those, the ones that name the genre wherever they stand in a title; the others must end it
# (…工作总结, …情况通报(第3期)), so that an item heading such as 深化政策解读形式 never refuses a plan.
OTHER_TITLE_ANYWHERE: tuple[str, ...] = (
    "关于表彰",
    "表彰名单",
    "予以嘉奖",
    "任免",
    "聘任",
    "预通知",
    "征求意见会",
)
# What may follow the genre word at the end of such a title: the form it is reported in
# (…完成情况统计表, …落实情况汇总表, …一季度进展情况表), the notice carrying it, a bracket.
OTHER_TITLE_TAIL = r"(?:统计表|汇总表|一览表|情况表|表)?(?:的通知|的决定|的通报|公示|公告)?(?:\s*[(（][^()（）]{1,14}[)）])?$"

# Words that report results already achieved; a page dense with them is a summary of past work.
PAST_RESULT_CUES: tuple[str, ...] = (
    "取得",
    "成效显著",
    "同比",
    "累计",
    "入选",
    "荣获",
    "获评",
    "获得",
    "位居",
    "亮点",
    "先后",
    "共计",
    "已经",
    "圆满",
    "好于预期",
    "迈上",
    "迈向",
    "成功举办",
    "顺利完成",
    "超额完成",
    "被评为",
    "已全部完成",
    "已完成",
    "提前完成",
)
PAST_RESULT_DENSITY = 5.0  # cues per 1,000 characters from which a page reads as a summary (plans: under 2)
PAST_RESULT_MIN = 4  # and at least this many cues

# The sentence of a cover notice that hands over the plan (现将《…》印发给你们): what follows, up to the
# signature, the 附件 line or the plan's own title, is the cover notice's text, not the plan.
COVER_HANDOVER = (
    r"印发给你们|现印发给你们|印发你们|现予印发|转发给你们|印发给各|现印发$|分解下达|下达给你们|分解印发"
)

# The word a handover sentence opens its clause with (现将方案印发给你们): with it, a line that hands the plan
# over after the items a cover notice lists ends the last of them.
HANDOVER_OPENING = "现将"

# An attachment line that hands the plan over as a file, not as text on the page: 附件：…方案（点击下载）,
# 附件:….docx. A cover notice whose plan is only such a file is not the plan (its points are 工作要求).
ATTACHMENT_FILE = (
    r"^附件\s*\d*\s*[:：].{2,80}?(?:[(（]\s*(?:点击)?下载\s*[)）]|点击下载|\.(?:docx?|pdf|wps|ofd|xlsx?))\s*$"
)
NAMED_DOCUMENT = r"《([^《》]{4,80})》"

# Labels of a progress report's items (1.… 实际完成情况:…): a page that repeats them reports, it does not plan.
PROGRESS_LABELS: tuple[str, ...] = (
    "实际完成情况",
    "完成情况:",
    "进展情况:",
    "目前进展",
    "工作进展:",
    "推进情况:",
)
PROGRESS_LABEL_MIN = 2
# A completion report says under each item that it is done (此项工作已完成。截至12月底…, 该件实事已全面
# 完成): that many such statements make the page a report on the items, whatever units they name.
DONE_STATEMENT = (
    r"(?:此|该|本)(?:项|件)(?:工作|任务|实事|项目)?(?:已|均已)(?:全面|全部|按期|如期|提前|基本)?完成"
)
DONE_STATEMENT_MIN = 2
# A title of last year's summary and next year's plan (…2015年工作总结暨2016年工作计划): the page is the
# summary unless its plan part shows (a heading 2016年工作打算, 下一步工作安排, 明年工作思路).
SUMMARY_AND_PLAN_TITLE = r"((?:19|20)\d{2})\s*年[^。,;:]{0,16}?总结暨[^。,;:]{0,8}?((?:19|20)\d{2})\s*年"
PLAN_PART_HEADING = (
    r"{year}\s*年[^。,;:]{{0,10}}?(?:计划|打算|思路|安排|要点|目标|任务|重点|主要工作)"
    r"|(?:下一步|下步|明年|来年|新的一年|今后)[^。,;:]{{0,6}}?(?:计划|打算|思路|安排|重点|主要工作)"
)
# A report's title (…政策协调业务报告(106年2月)) over a table whose column holds each item's progress
# (序号 | 政策项目 | 办理情形及进度): a progress report. (A plan's ledger may carry an empty 完成情况
# column to fill in, but its title is the plan's.)
REPORT_TITLE = r"报告(?:\s*[(（][^()（）]{1,14}[)）])?$"
PROGRESS_COLUMNS: tuple[str, ...] = (
    "办理情形及进度",
    "办理情形",
    "办理情况",
    "办理进度",
    "进展情况",
    "完成情况",
    "落实情况",
    "推进情况",
    "执行情况",
    "进度情况",
    "工作进展",
)
# Bullets of a site's navigation menu (• 工作总结 / • 工作计划): such lines are never a title.
NAV_BULLETS = "•·●▪◆◇■□►▶-"
