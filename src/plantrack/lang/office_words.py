"""Words of the office's own forms: ledger and fill-in sheet headers, sheet names, notices. Data only.

Read by plantrack/office/. Changing a header here changes what `export` writes and what `import`
looks for, so every fill-in header keeps its old spellings in FILL_HEADER_ALIASES.
"""

from __future__ import annotations

# The ledger sheet (任务台账), in the office's order; {as_of} is 9月30日.
LEDGER_SHEET = "任务台账"
LEDGER_HEADERS: tuple[str, ...] = (
    "序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限", "量化目标",
    "截至{as_of}累计完成", "完成率", "序时进度", "状态", "最近报送", "备注",
)  # fmt: skip
# Column widths in characters (a Chinese character counts two).
LEDGER_WIDTHS: tuple[int, ...] = (8, 40, 16, 22, 22, 12, 30, 30, 9, 9, 10, 12, 40)

AGENCY_HEADERS: tuple[str, ...] = (
    "序号", "工作任务", "本单位角色", "完成时限", "量化目标", "截至{as_of}累计完成",
    "完成率", "序时进度", "状态", "最近报送", "备注",
)  # fmt: skip
AGENCY_WIDTHS: tuple[int, ...] = (8, 40, 10, 12, 30, 30, 9, 9, 10, 12, 40)

TARGET_SHEET = "量化目标"
TARGET_HEADERS: tuple[str, ...] = (
    "序号", "工作任务", "指标", "目标值", "单位", "截至{as_of}累计完成", "完成率",
)  # fmt: skip
TARGET_WIDTHS: tuple[int, ...] = (8, 36, 30, 12, 8, 16, 9)

REPORTING_SHEET = "报送情况"
REPORTING_FIRST = "单位"
REPORTED = "已报送"
OWES = "欠报{n}项"
NO_DUTY = "—"

ONGOING = "持续推进"
LEDGER_TITLE = "《{plan}》任务台账（截至{as_of}）"

# The fill-in sheet (填报表) that `templates` writes and `import` reads.
FILL_SHEET = "进展填报"
META_SHEET = "_plantrack"
FILL_TITLE = "《{plan}》{quarter}进展填报表（{agency}）"
FILL_META = "填报单位：{agency}　计划编号：{plan_id}　季度：{quarter}　校验码：{checksum}"
FILL_INSTRUCTION = (
    "填写说明：灰色列为任务信息，请勿修改；请在白色列填写截至{as_of}的进展。"
    "完成值按括号内单位填写累计数（可写 4.5万）；完成百分比填 0–100 的数字；状态从下拉列表中选择；"
    "不填写的任务整行留空即可。填好后保存为 .xlsx 文件报回。"
)
# Column keys -> header as written. Target columns add the index: 目标1, 目标1完成值（人）.
FILL_LOCKED: dict[str, str] = {
    "task": "任务编号", "number": "序号", "title": "工作任务", "role": "本单位角色", "last": "上次报送",
}  # fmt: skip
FILL_OPEN: dict[str, str] = {
    "as_of": "截至日期", "percent": "完成百分比", "status": "状态",
    "progress": "进展情况", "problems": "存在问题", "next": "下一步打算",
}  # fmt: skip
TARGET_HEADER = "目标{n}"
VALUE_HEADER = "目标{n}完成值（{unit}）"
VALUE_HEADER_PREFIX = "目标{n}完成值"
# Other spellings a returned sheet may show (someone retyped a header).
FILL_HEADER_ALIASES: dict[str, str] = {
    "编号": "task", "任务代码": "task", "日期": "as_of", "截止日期": "as_of", "截至时间": "as_of",
    "百分比": "percent", "完成比例": "percent", "完成进度": "percent", "进展": "progress",
    "工作进展": "progress", "进展情况说明": "progress", "问题": "problems", "困难和问题": "problems",
    "下步打算": "next", "下一步工作": "next", "下一步计划": "next",
}  # fmt: skip
NOTE_PROBLEMS = "存在问题：{text}"
NOTE_NEXT = "下一步打算：{text}"
ROLE_WORDS_SHORT = {"lead": "牵头", "responsible": "负责", "support": "配合"}

# Reminders (催办).
REMIND_TITLE = "关于报送{quarter}工作任务进展情况的提醒"
# 请于{date}前 + what to report + the sheet to use + (only with lagging tasks) what to explain + 。
REMIND_ASK_OWED = "报送上述任务的进展情况"
REMIND_ASK_NEXT = "报送下一季度进展情况"
REMIND_ASK_SHEET = "（可填写随附的进展填报表）"
REMIND_ASK_LAGGING = "，并对滞后任务说明原因和下一步措施"
REMIND_OVERVIEW_TITLE = "{quarter}催办清单"
REMIND_OVERVIEW_HEADERS: tuple[str, ...] = ("单位", "未报送", "进度滞后", "{next_quarter}到期")

# File kinds an output name may end in, for the message when it does not fit the file written
# (export -o 台账.xls, report -o 报告.pdf): suffix -> what people call that kind of file.
FILE_KINDS: dict[str, str] = {
    ".xlsx": "Excel 工作簿", ".xlsm": "Excel 工作簿", ".xls": "旧版 Excel 工作簿", ".et": "WPS 表格",
    ".ods": "OpenDocument 表格", ".csv": "CSV 文件", ".json": "JSON 文件", ".docx": "Word 文档",
    ".doc": "旧版 Word 文档", ".wps": "WPS 文字", ".odt": "OpenDocument 文档", ".rtf": "RTF 文档",
    ".pdf": "PDF 文件", ".md": "Markdown 文件", ".markdown": "Markdown 文件", ".txt": "文本文件",
    ".html": "网页", ".htm": "网页", ".ofd": "OFD 版式文件", ".pptx": "演示文稿", ".ppt": "演示文稿",
    ".zip": "压缩包", ".rar": "压缩包", ".png": "图片", ".jpg": "图片", ".jpeg": "图片",
}  # fmt: skip
