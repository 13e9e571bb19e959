"""Words users type for a task's status, a light or a role, and the value multipliers: data only.

Read by tracking/resolve.py. Keys are compared after NFKC and lower-casing.
"""

from __future__ import annotations

# word -> Status value (plantrack.tracking.models.Status)
STATUS_WORDS: dict[str, str] = {
    "not_started": "not_started", "未启动": "not_started", "未开始": "not_started", "尚未启动": "not_started",
    "in_progress": "in_progress", "推进中": "in_progress", "进行中": "in_progress", "正在推进": "in_progress",
    "已启动": "in_progress", "持续推进": "in_progress",
    "done": "done", "已完成": "done", "完成": "done", "已办结": "done", "办结": "done",
    "suspended": "suspended", "暂缓": "suspended", "暂停": "suspended", "缓办": "suspended",
}  # fmt: skip

# word -> Light value (plantrack.tracking.models.Light)
LIGHT_WORDS: dict[str, str] = {
    "done": "done", "已完成": "done", "完成": "done",
    "on_track": "on_track", "序时推进": "on_track", "绿": "on_track", "green": "on_track",
    "behind": "behind", "滞后": "behind", "黄": "behind", "yellow": "behind",
    "serious": "serious", "严重滞后": "serious", "红": "serious", "red": "serious",
    "not_started": "not_started", "未启动": "not_started",
    "not_reported": "not_reported", "未报送": "not_reported",
}  # fmt: skip

# word -> Role value (plantrack.models.Role)
ROLE_WORDS: dict[str, str] = {
    "lead": "lead", "牵头": "lead",
    "responsible": "responsible", "负责": "responsible", "责任": "responsible",
    "support": "support", "配合": "support", "参加": "support", "参与": "support",
}  # fmt: skip

# Units that mean the same (a typed unit is compared after this mapping).
UNIT_SYNONYMS: dict[str, str] = {
    "%": "%",
    "％": "%",
    "个百分点": "%",
    "百分点": "%",
    "人次": "人次",
    "名": "人",
}

# How a task without a date is shown when the notice says it goes on (持续推进 / 长期坚持).
ONGOING_LABEL = "持续推进"
NO_DEADLINE_LABEL = "未写明"
