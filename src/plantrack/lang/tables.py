"""Column names of task tables (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限). Data only."""

from __future__ import annotations

NUMBER_COLUMNS: tuple[str, ...] = ("序号", "编号", "序")
# Lines just above a table that make it a blank form for units to fill in (填报单位（盖章）：), whose
# rows are indicators to report on, not the plan's tasks.
FORM_MARKS: tuple[str, ...] = ("填报单位", "填报日期", "填表单位", "填表日期", "填报人", "填表人")
FORM_MARK_LINES = 3
# Columns naming the task in a few words (项目名称 | 项目内容 | 牵头单位): the row's title, its other
# task columns (TASK_COLUMNS) read after it as the task's text.
NAME_COLUMNS: tuple[str, ...] = (
    "项目名称",
    "任务名称",
    "事项名称",
    "工作名称",
    "实事名称",
    "工作事项",
    "重点事项",
    "改革事项",
    "任务事项",
    "民生实事项目",
    "实事项目",
    "重点项目",
    "项目",
    "事项",
)
# Columns holding the task itself, most specific first.
TASK_COLUMNS: tuple[str, ...] = (
    "主要工作任务",
    "重点工作任务",
    "工作任务",
    "主要任务",
    "重点任务",
    "具体任务",
    "任务内容",
    "工作内容",
    "具体要求",
    "工作措施",
    "具体措施",
    "细化措施",
    "主要内容",
    "具体内容",
    "建设内容",
    "目标要求",
    "指标要求",
    "目标任务",
    "任务",
    "工作要点",
    "项目内容",
    "指标名称",
    "主要指标",
    "具体指标",
    "考核指标",
    "指标内容",
    "指标",
    "目标值",
    "具体目标",
    "年度目标",
    "预期目标",
)
# Words joining two column names into one (建设内容及目标, 工作任务和措施): a name joined this way to
# a task column's is that task column.
COLUMN_JOINERS: tuple[str, ...] = ("及", "和", "与", "、", "/")
# Columns of a schedule table named by a period (任务 | 一季度 | 二季度 | …): a cell that holds a
# milestone makes the period's end a deadline of the row; an empty cell or a dash holds none.
PERIOD_COLUMNS: dict[str, str] = {
    "一季度": "一季度",
    "第一季度": "一季度",
    "二季度": "二季度",
    "第二季度": "二季度",
    "三季度": "三季度",
    "第三季度": "三季度",
    "四季度": "四季度",
    "第四季度": "四季度",
    "上半年": "上半年",
    "下半年": "下半年",
}
EMPTY_CELLS: tuple[str, ...] = ("", "—", "——", "-", "--", "/", "无", "—/—")

# The label a deadline column's cells are written with (a row with none had its cell merged above).
DEADLINE_COLUMN = "完成时限"
# Column name -> the label written in front of its value (read by the agency and deadline parsers).
LABEL_COLUMNS: dict[str, str] = {
    "牵头单位": "牵头单位",
    "牵头负责部门": "牵头单位",
    "牵头负责单位": "牵头单位",
    "牵头部门": "牵头单位",
    "牵头领导": "牵头领导",
    "牵头责任单位": "牵头单位",
    "主要责任单位": "责任单位",
    "责任主体": "责任单位",
    "具体责任单位": "责任单位",
    "完成时间节点": "完成时限",
    "责任股室": "责任单位",
    "牵头股室": "牵头单位",
    "配合股室": "配合单位",
    "协同责任单位": "配合单位",
    "协同配合单位": "配合单位",
    "协同单位": "配合单位",
    "协同部门": "配合单位",
    "配合责任单位": "配合单位",
    "参与单位(部门)": "配合单位",
    "责任单位": "责任单位",
    "责任部门": "责任单位",
    "责任科室": "责任单位",
    "责任处室": "责任单位",
    "牵头处室": "牵头单位",
    "配合处室": "配合单位",
    "主责单位": "牵头单位",
    "主办单位": "牵头单位",  # 主办单位 | 协办单位: the host leads, its partners support
    "主办部门": "牵头单位",
    "配合单位": "配合单位",
    "配合部门": "配合单位",
    "协办单位": "配合单位",
    "参与单位": "配合单位",
    "完成时限": "完成时限",
    "时限要求": "完成时限",
    "完成时间": "完成时限",
    "时间节点": "完成时限",
    "进度安排": "完成时限",
    "牵头科室": "牵头单位",
    "配合科室": "配合单位",
    "主责部门": "牵头单位",
    "协办部门": "配合单位",
    "参与部门": "配合单位",
    "落实单位": "责任单位",
    "落实部门": "责任单位",
    "落实科室": "责任单位",
    "落实股室": "责任单位",
    "承办单位": "责任单位",
    "承办科室": "责任单位",
    "实施单位": "责任单位",
    "实施主体": "责任单位",
}
# The labels that name agencies (牵头单位, 责任单位, 配合单位 …), as against 牵头领导 and 完成时限.
AGENCY_LABELS: frozenset[str] = frozenset(v for v in LABEL_COLUMNS.values() if v.endswith("单位"))

# Columns holding a person (区政府分管领导 何海平): in a glued row the person's name opens the agency cells.
PERSON_COLUMNS: tuple[str, ...] = ("分管领导", "责任领导", "牵头领导", "责任人", "联系人", "分管负责人")
# How long a person's name in such a cell is, most likely first.
PERSON_NAME_LENGTHS: tuple[int, ...] = (3, 2)

# A table's note on its empty cells (注:牵头单位栏为空的,与上一项目同;配合单位栏为空的,不设配合单位):
# words saying an empty cell of the column named before them repeats the row above, or means none.
NOTE_STARTS: tuple[str, ...] = ("注", "备注", "说明")
NOTE_LINES = 3  # lines after a table (or before its header) a note may stand
EMPTY_CELL_WORDS: tuple[str, ...] = ("为空", "空白", "未填", "空缺", "空着")
EMPTY_SAME: tuple[str, ...] = (
    "与上一项目同",
    "与上一项同",
    "与上项同",
    "与上一行同",
    "与上栏同",
    "同上一项",
    "同上",
)
# A note naming the columns whose cells were merged (注:合并单元格的牵头单位、完成时限同上一行): an
# empty cell of each column it names repeats the row above when the note says so (EMPTY_SAME).
MERGED_CELL_WORDS: tuple[str, ...] = ("合并单元格", "合并的单元格", "单元格合并")
EMPTY_NONE: tuple[str, ...] = ("不设", "表示无", "即无", "为无", "无配合", "无需配合")
# A note on every empty cell, naming no column (注:空白单元格为合并单元格,内容同上): what its cells are
# called, and the words saying they are merged with the row above (EMPTY_SAME and EMPTY_NONE apply too).
EMPTY_CELL_NOUNS: tuple[str, ...] = ("单元格", "空格", "栏目", "格")
EMPTY_MERGED: tuple[str, ...] = ("合并单元格", "合并")
# Words after a column's name in a note (牵头单位栏为空的), and words before a cell's name in a note on
# every cell (空白单元格).
COLUMN_WORDS: tuple[str, ...] = ("栏", "列")
EMPTY_CELL_PREFIXES: tuple[str, ...] = ("空白", "空")
# What a deadline cell says when the note makes an empty one mean none (not the row above's date).
NO_VALUE = "无"
# The order tables print their label columns in; a filled-in cell goes back to its place.
LABEL_ORDER: tuple[str, ...] = ("牵头单位", "责任单位", "配合单位", DEADLINE_COLUMN)
