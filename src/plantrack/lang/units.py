"""Units and multipliers of the numbers a plan commits to. Data only, read by extract/targets.py.

A target is a number followed by one of ``UNITS`` (after an optional multiplier). A number followed by
anything else (年, 月, 日, 号, 周年, 部门 ...) is never a target, so years, dates, durations and
document numbers need no rule of their own.
"""

from __future__ import annotations

# Multipliers written between a number and its unit: 6.04万人 -> 60400 人. Longest first.
MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}

# Units as printed (the target keeps them), without the multiplier. Matched longest first.
UNITS: tuple[str, ...] = (
    # people and organisations
    "人次",
    "户次",
    "家次",
    "人",
    "名",
    "位",
    "户",
    "家",
    "所",
    "个",
    # money: 1.2亿美元 keeps its currency
    "美元",
    "欧元",
    "港元",
    "元/亩",  # 亩均投入不超过0.3万元/亩: a cost per unit of area keeps its denominator
    "元",
    # area, length, weight, volume, energy
    "平方公里",
    "平方米",
    "平米",
    "公顷",
    "亩",
    "公里",
    "千米",
    "米",
    "吨标准煤",  # 节约能源2.6万吨标准煤: energy keeps its measure
    "吨/年",  # 处置能力2万吨/年: a capacity keeps its rate
    "吨/日",
    "吨",
    "千克",
    "公斤",
    "斤",
    "立方米/日",  # 日供水能力1.2万立方米/日
    "立方米",
    "千瓦时",
    "千瓦",
    "兆瓦",
    # things done or built
    "项",
    "座",
    "套",
    "间",
    "张",
    "台套",
    "台",
    "辆",
    "件",
    "场次",
    "场",
    "节",  # 培育区级优质课例100节
    "片",
    "期",
    "次",
    # counts of times something is done or shown (刊播公益广告500条次, 推送信息2000篇次)
    "条次",
    "篇次",
    "件次",
    "台次",
    "车次",
    "架次",
    "艘次",
    "条",
    "处",
    "栋",
    "床",
    "篇",
    "份",
    "支",
    "批次",
    "班",
    "课时",
    "头",
    "只",
    "羽",  # poultry: 肉用禽70万羽
    "株",
    "棵",
    "口",
    "宗",
    "起",
    "艘",
    "部",
    "盏",
    "根",
    "块",
    "把",
    "顶",
    "册",
    "卷",  # 数字化扫描档案3万卷
    "画幅",
    "幅",
    "门",  # 开发精品在线开放课程200门
    "种",  # 推动1万2千种证照电子化
    "类",  # 开设培训课程不少于8类
    # time and grade: targets only when the clause bounds them (CUED_UNITS)
    "个工作日",
    "工作日",
    "个小时",
    "小时",
    "分钟",
    "天",
    "个等级",
    "级",
    "岁",  # 人均预期寿命达到82.4岁 (an age bound: 65岁以上老年人 names people, no target)
    # concentrations
    "微克/立方米",
    "毫克/升",
    # shares and changes
    "个百分点",
    "%",
    "‰",
    "倍",
)

# Durations and grades are targets only after a verb that bounds them (压缩至2小时以内) or with a
# comparator (不超过30分钟, 3天以内); 24小时值班 and 5个工作日内办结 are rules, not targets.
CUED_UNITS: frozenset[str] = frozenset(
    {"个工作日", "工作日", "个小时", "小时", "分钟", "天", "个等级", "级", "岁"}
)

# Of these, an age with a comparator names a class of people (65岁以上老年人, 3岁以下婴幼儿): only a bound
# verb makes it a target (人均预期寿命达到82.4岁).
CLASS_UNITS: frozenset[str] = frozenset({"岁"})

# Of these, the durations are targets only when the clause names the time it bounds (办理时间压缩至1天,
# 平均住院日控制在8天以内; target_words.TIME_MEASURES) or a verb cuts a time (企业开办全流程压缩至1个
# 工作日; target_words.TIME_CUT_VERBS): 5个工作日以内办结 is a service rule of how fast a case is handled.
DURATION_UNITS: frozenset[str] = frozenset({"个工作日", "工作日", "个小时", "小时", "分钟", "天"})

# Units that mean "per cent" (百分之八十五 and 三分之二 are given this unit).
PERCENT_UNIT = "%"

# Words that start like a unit but are a duration or something else: 3个月, 5个工作日, 2人民币.
NOT_UNITS: tuple[str, ...] = (
    "个月",
    "个星期",
    "个季度",
    "个年度",
    "个人",
    "个体",
    "人民",
    "人口",
    "人员",
    "人才",
    "人均",
    "人社",  # 12333人社服务热线
    "家庭",
    "家族",
    "家属",
    "家长",
    "元旦",
    "户籍",
    "户口",
    "条件",
    "条例",
    "项目",
    "名单",
    "名额",
    "次数",
    "处理",
    "台账",
    "期间",
    "期限",
    "场所",
    "米粮",
    "起草",
    "起步",
    "起点",
    "口径",
    "头部",
    "只有",
    "支持",
    "支付",
    "种植",  # 种 as a unit (1.2万种证照), not the verb of 1万亩种植 or 种粮大户
    "种养",
    "种子",
    "种业",
    "种苗",
    "种粮",
    "种田",
    "种地",
    "种草",
    "种树",
    "班子",
    "期末",
    "所有",
    "所属",
    "位于",
    "部门",
    "部署",
    "部分",
    "块状",
    "根据",
    "根本",
    "天然",
    "天气",
    "天空",
    "天地",
    "级别",
    "小时候",
    "门槛",
    "门户",
    "门诊",
    "门类",
    "类别",
    "类型",
    "类似",
)

# Chinese numerals: digits, the units inside a section, and the section units.
CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}
