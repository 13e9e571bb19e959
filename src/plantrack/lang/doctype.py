"""Signals that tell a work plan from other pages (news, summaries, annual reports). Data only."""

from __future__ import annotations

# Endings of a plan's own title (吉安市…2017年工作要点).
PLAN_GENRES: tuple[str, ...] = (
    "工作要点", "任务分工方案", "责任分工方案", "分工方案", "实施方案", "工作方案", "行动方案", "行动计划",
    "工作计划", "责任分解", "任务分解", "实施意见", "实施细则", "若干措施", "工作措施", "工作安排", "任务清单",
    "责任清单", "重点任务", "要点", "方案", "计划", "意见", "规划", "措施", "清单", "安排",
)
# A notice title (…关于印发…的通知).
NOTICE_ENDINGS: tuple[str, ...] = ("通知", "通报", "意见", "决定", "函", "方案", "计划", "要点", "办法")

# What other kinds of page look like: (kind label shown to the user, cue words).
OTHER_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("新闻报道", ("记者", "责任编辑", "通讯员", "来源:", "日报", "晚报", "新闻", "据悉", "近日", "获悉", "讯")),
    ("年度报告", ("年度报告", "年报", "工作年度报告")),
    ("工作总结", ("工作总结", "总结", "回顾")),
    ("会议纪要", ("会议纪要", "纪要")),
    ("政策解读", ("政策解读", "解读", "答记者问")),
)
# Words in the first lines that mark a report about the past, whatever its numbering.
OTHER_TITLE_WORDS: tuple[str, ...] = (
    "年度报告", "工作总结", "会议纪要", "政策解读", "答记者问", "情况的报告", "情况报告", "情况的通报", "情况通报",
    "完成情况", "进展情况", "落实情况", "推进情况", "执行情况", "进度表", "督查通报", "述职报告", "调研报告",
)

# Words that report results already achieved; a page dense with them is a summary of past work.
PAST_RESULT_CUES: tuple[str, ...] = (
    "取得", "成效显著", "同比", "累计", "入选", "荣获", "获评", "获得", "位居", "亮点", "先后", "共计", "已经",
    "圆满", "好于预期", "迈上", "迈向", "成功举办", "顺利完成", "超额完成", "被评为",
)
PAST_RESULT_DENSITY = 5.0  # cues per 1,000 characters from which a page reads as a summary (plans: under 2)
PAST_RESULT_MIN = 4  # and at least this many cues

# The sentence of a cover notice that hands over the plan (现将《…》印发给你们): what follows, up to the
# signature, the 附件 line or the plan's own title, is the cover notice's text, not the plan.
COVER_HANDOVER = r"印发给你们|现印发给你们|印发你们|现予印发|转发给你们|印发给各|现印发$"

# Labels of a progress report's items (1.… 实际完成情况:…): a page that repeats them reports, it does not plan.
PROGRESS_LABELS: tuple[str, ...] = ("实际完成情况", "完成情况:", "进展情况:", "目前进展", "工作进展:", "推进情况:")
PROGRESS_LABEL_MIN = 2
