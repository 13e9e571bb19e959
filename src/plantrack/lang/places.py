"""Place words for plan ids: provinces by the one-character abbreviation that opens their document
numbers (宁人社函〔2023〕81号 is Ningxia's), and the bare level words that name no place."""

from __future__ import annotations

PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "蒙": "内蒙古",
    "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建",
    "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "桂": "广西",
    "琼": "海南", "川": "四川", "贵": "贵州", "黔": "贵州", "云": "云南", "滇": "云南", "藏": "西藏",
    "陕": "陕西", "甘": "甘肃", "青": "青海", "宁": "宁夏", "新": "新疆",
}  # fmt: skip

# A "place" that is only a level: the notice is issued in its own province or city (自治区人社厅).
BARE_LEVELS: frozenset[str] = frozenset({"自治区", "省", "市", "县", "区", "州", "自治州", "盟", "旗"})

# Document types an id may end with besides the plan genres: campaigns (开展…提升行动的通知).
ID_GENRES: tuple[str, ...] = ("专项行动", "行动")

# What wraps a plan's own name in a notice title: 关于(印发|开展)…的通知.
TITLE_WRAPPERS = r"^.*?关于(?:印发|开展|组织开展|实施|做好|推进)?|的(?:通知|通报|意见|函)$"
