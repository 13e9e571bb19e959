"""Chinese for the problems the YAML, JSON and schema readers report in English (data only)."""

from __future__ import annotations

# PyYAML problems (a regular expression on the English text) -> what a person should see.
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed", "这里不能出现“键: 值”（冒号后的内容可能需要加引号，或缩进不对）"),
    (r"could not find expected ':'", "缺少冒号“:”（或引号、括号没有闭合）"),
    (r"found character '\\t'", "含有制表符（Tab），YAML 只能用空格缩进"),
    (r"found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    (r"found unknown escape character", "引号内有不认识的转义字符（反斜杠）"),
    (r"expected <block end>", "缩进不一致（同一层的项目应对齐）"),
    (r"did not find expected key", "缺少键名，或缩进不一致"),
    (r"did not find expected '-' indicator", "列表项应以“- ”开头，且对齐"),
    (r"did not find expected node content", "缺少内容（冒号或“-”后面是空的）"),
    (r"expected ',' or '\]'", "方括号列表 [...] 中缺少逗号或右方括号"),
    (r"expected ',' or '\}'", "花括号 {...} 中缺少逗号或右花括号"),
    (r"found undefined alias", "引用了未定义的锚点（*名称）"),
    (r"found duplicate anchor", "锚点（&名称）重复"),
    (
        r"did not find expected comment or line break",
        "该行末尾有多余的内容（引号没有闭合，或值中的引号需要成对）",
    ),
    (r"found unexpected ':'", "冒号位置不对（值里的冒号请加引号）"),
    (r"found a tab character", "含有制表符（Tab），YAML 只能用空格缩进"),
    (r"cannot start any token", "这个字符不能出现在这里（请加引号）"),
    (r"expected a single document", "文件中有多个文档（“---”分隔），计划文件只能有一个"),
    (r"expected alphabetic or numeric character", "锚点或引用的名称不正确"),
)
YAML_FALLBACK = "格式不正确"

# json.JSONDecodeError.msg -> Chinese (journal lines are JSON objects).
JSON_PROBLEMS: dict[str, str] = {
    "Expecting value": "缺少值",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "键名应加双引号",
    "Unterminated string starting at": "引号没有闭合",
    "Extra data": "记录后面有多余的内容",
    "Invalid control character at": "含有不允许的控制字符",
    "Invalid \\escape": "有不认识的转义字符（反斜杠）",
}
JSON_FALLBACK = "不是有效的 JSON"

# pydantic error types -> Chinese.
FIELD_PROBLEMS: dict[str, str] = {
    "missing": "缺少该字段",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "float_parsing": "应是数字",
    "float_type": "应是数字",
    "finite_number": "应是有限的数字（不能是 NaN 或无穷大）",
    "int_parsing": "应是整数",
    "int_type": "应是整数",
    "int_from_float": "应是整数",
    "bool_parsing": "应是 true 或 false",
    "bool_type": "应是 true 或 false",
    "date_from_datetime_parsing": "应是日期，如 2017-06-30",
    "date_from_datetime_inexact": "应是日期，如 2017-06-30",
    "date_parsing": "应是日期，如 2017-06-30",
    "date_type": "应是日期，如 2017-06-30",
    "datetime_parsing": "应是时间，如 2017-10-08T09:00:00",
    "datetime_from_date_parsing": "应是时间，如 2017-10-08T09:00:00",
    "datetime_type": "应是时间，如 2017-10-08T09:00:00",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "list_type": "应是列表",
    "dict_type": "应是键值对",
    "model_type": "应是键值对",
    "model_attributes_type": "应是键值对",
    "string_type": "应是文字",
    "greater_than_equal": "不能小于允许的最小值",
    "greater_than": "应大于允许的最小值",
    "less_than_equal": "不能大于允许的最大值",
    "less_than": "应小于允许的最大值",
    "value_error": "取值不正确",
}
FIELD_FALLBACK = "取值不符合要求"
