"""Words of the quarterly report that depend on the notice, not on the template: data only.

Read by report/front.py and report/wording.py.
"""

from __future__ import annotations

# An issuer ending with one of these is the office of the body it serves: a plan issued by
# 吉安市农民工工作领导小组办公室 is reported to 吉安市农民工工作领导小组.
OFFICE_SUFFIXES: tuple[str, ...] = ("办公室", "办公厅")

# The overall judgement, by the share of tasks done or on schedule (at least, words), best first.
JUDGEMENT_LEVELS: tuple[tuple[float, str], ...] = (
    (80.0, "大部分任务进展顺利"),
    (60.0, "多数任务按序时推进"),
    (40.0, "约半数任务按序时推进，整体进度有待加快"),
    (0.0, "任务整体进展偏慢"),
)

# 一是、二是 … for the next-step sentences.
ORDINAL_DIGITS = "一二三四五六七八九十"
