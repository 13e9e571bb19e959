"""Chinese for the command-line parser's usage errors (English in the parser). Data only.

Each row: a regex over the parser's message, and the Chinese with {0}, {1} for its groups.
"""

from __future__ import annotations

USAGE_ERRORS: list[tuple[str, str]] = [
    (r"No such option: (\S+?)\.? Did you mean (\S+?)\?$", "没有选项 {0}，是不是要用 {1}？"),
    (r"No such option: (\S+?) \(Possible options: (.+)\)$", "没有选项 {0}（相近的有：{1}）。"),
    (r"No such option: (\S+?)\.?$", "没有选项 {0}。"),
    (r"No such command '(.+)'\.$", "没有命令 {0}。"),
    (r"Missing argument '(.+)'\.$", "缺少参数 {0}。"),
    (r"Missing option '(.+)'\.$", "缺少选项 {0}。"),
    (r"Option '(.+)' requires an argument\.$", "选项 {0} 后面需要写一个值。"),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)$", "多余的参数：{0}。"),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: '(.*)' is not a valid integer\.?$",
        "{0} 的值“{1}”不是整数（应写成 3 这样的编号）。",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: '(.*)' is not a valid float\.?$",
        "{0} 的值“{1}”不是数字。",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: (\S+) is not in the range (.+)\.$",
        "{0} 的值 {1} 超出范围（{2}）。",
    ),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: Input should be a valid integer.*$",
        "{0} 的值应是整数（如 3）。",
    ),
    (r"Invalid value for '([^']+)'(?: / '[^']+')*: Input should be a valid number.*$", "{0} 的值应是数字。"),
    (
        r"Invalid value for '([^']+)'(?: / '[^']+')*: Input should be greater than or equal to (\S+)$",
        "{0} 的值应不小于 {1}。",
    ),
    (r"Invalid value for '([^']+)'(?: / '[^']+')*: (.+)$", "{0} 的值无效：{1}"),
]
USAGE_HINT = "运行 {0} -h 查看用法。"
