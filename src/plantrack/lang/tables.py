"""Column names of task tables (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限). Data only."""

from __future__ import annotations

NUMBER_COLUMNS: tuple[str, ...] = ("序号", "编号", "序")
# Columns holding the task itself, most specific first.
TASK_COLUMNS: tuple[str, ...] = (
    "主要工作任务", "重点工作任务", "工作任务", "主要任务", "重点任务", "具体任务", "任务内容", "工作内容",
    "具体要求", "工作措施", "具体措施", "主要内容", "目标任务", "任务", "工作要点", "项目内容",
)
# Column name -> the label written in front of its value (read by the agency and deadline parsers).
LABEL_COLUMNS: dict[str, str] = {
    "牵头单位": "牵头单位", "牵头部门": "牵头单位", "牵头领导": "牵头领导", "牵头责任单位": "牵头单位",
    "主要责任单位": "责任单位", "责任主体": "责任单位", "具体责任单位": "责任单位", "完成时间节点": "完成时限",
    "责任单位": "责任单位", "责任部门": "责任单位", "责任科室": "责任单位", "主责单位": "牵头单位",
    "配合单位": "配合单位", "配合部门": "配合单位", "协办单位": "配合单位", "参与单位": "配合单位",
    "完成时限": "完成时限", "时限要求": "完成时限", "完成时间": "完成时限", "时间节点": "完成时限",
    "进度安排": "完成时限",
}
