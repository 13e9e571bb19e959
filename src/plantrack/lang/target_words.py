"""Contexts in which a number with a unit is not a target, and words that bound a target's metric.

Data only, read by extract/targets.py. Every pattern is a regular expression without nested
quantifiers (the texts can be long and hostile); ``tests/test_targets.py`` compiles each one.
A new notice style that gives a false target should become a row here, not new code.
"""

from __future__ import annotations

# --- where numbers are never targets -------------------------------------------------------------

# Spans of text whose numbers are never targets: titles, quoted programme names, document numbers,
# phone numbers. Bounded lengths keep an unbalanced bracket from hiding the rest of the text.
PROTECTED_SPANS: tuple[str, ...] = (
    r"《[^《》\n]{0,150}》",  # 《…推动1亿非户籍人口在城市落户实施方案》
    r"“[^“”\n]{0,60}”",  # “131”就业帮扶, “12348”, “十三五”, “1+5”
    r"‘[^‘’\n]{0,60}’",
    r"\"[^\"\n]{0,60}\"",
    r"[〔\[]\d{4}[〕\]]\s?\d{1,5}\s?号",  # 国发〔2016〕56号
    r"\d{3,4}-\d{5,8}",  # 0951-12333
)

# Characters right before a number that make it an ordinal: 第十一次, 第1批.
ORDINAL_MARKS = "第届"  # 第十一次; 十三届十五次全会 (the session after 届 is an ordinal too)

# Characters between two numbers that make a range (3-5个): neither end is a target; the range is
# listed for review instead.
RANGE_MARKS = "-~至到—–"

# A character right before a number that makes it the starting point of a change, not the goal:
# 由20个工作日压缩至5个工作日, 从100家增加到200家.
BASELINE_MARKS = "由从"

# Verbs earlier in the clause that make a duration or a grade (units.CUED_UNITS) a bound the plan
# commits to: 审批时间压缩至2小时以内, 办结时限缩短到3天, 耕地质量提高0.5个等级.
BOUND_VERBS: tuple[str, ...] = (
    "压缩",
    "缩短",
    "压减",
    "减少",  # 重污染天数同比减少2天
    "减至",
    "降至",
    "降低到",
    "降低至",
    "提高",
    "提升",
    "控制在",
    "稳定在",
    "保持在",
    "达到",
    "达",  # 人均预期寿命达82.4岁
)

# Verbs that cut a time: a duration after one is the time of the work itself, cut to a bound the plan
# commits to, even when the clause names no time (企业开办全流程压缩至0.5个工作日以内, 业务分别压减到3个、
# 1个工作日以内办结); 5个工作日内办结 alone stays a service rule.
TIME_CUT_VERBS: tuple[str, ...] = (
    "压缩",
    "缩短",
    "压减",
)

# Patterns anywhere in the clause (between , ; 。 : and the like) of a number that make it part of a
# policy rule rather than a commitment: rates, refunds, eligibility, subsidy standards, item counts
# of another document.
CLAUSE_BLOCKERS: tuple[str, ...] = (
    # subsidy and fee standards: 每人补贴1000元, 按每人每月500元标准
    r"每(?:人|户|名|家|位|亩|吨|平方米|月|天|日|次|例|床|套|学时|课时)",
    r"补贴标准|补助标准|奖励标准|收费标准|征收标准|缴费基数|按[^,;。]{0,12}标准",
    r"一次性|给予[^,;。]{0,12}(?:补贴|补助|奖励|奖补)|额度|最高|上限|期限",
    # policy rates and refunds: 下调工伤保险费率50%的政策, 缴纳失业保险费的30%返还
    r"(?<!缴)费率|返还|免征|暂免|减征|减半|缓缴|贴息(?!资金)|利率|缴费比例|报销比例|比例返|裁员率|放宽到|放宽至",
    # eligibility of firms and people: 在职职工总数30人(含)以下的企业, (指从业人员≤1000人…), 6亩以下(不含6亩)
    r"职工总数|工作满|缴费满|年满|\(指|是指|即指|\(不含",
    # the amount of a subsidy: 单家企业合计补助金额不超过50万元
    r"补助金额|补贴金额|奖励金额|资助金额|奖补金额",
    # scoring rules of an assessment: 每少1次扣0.5分, 每有1个问题未销号扣2分, 每发现1处扣1分
    r"[扣得加减]\d{1,3}(?:\.\d{1,2})?分|每(?:少|缺|有|发现|出现|超)\d",
    # numbers that describe another document: 《规划》中明确提出的9项具体建设任务
    r"》中|》共|共分|分为|规划中|方案中|文件中|明确提出的|责任分解|分解如下",
)

# A volume or level the plan commits to, written with a word the blockers above stand for: 新增担保额度
# 30亿元 (a volume added, not a cap per firm), 担保费率降至1%以下 (a rate brought down to a level, not
# a rule's rate). Matched right before the number; the blockers are then read in the rest of the clause.
COMMITTED_BEFORE: tuple[str, ...] = (
    r"(?:新增|累计新增|新增加|扩大)[^,;。\d]{0,8}额度(?:达到|达)?",
    r"费率(?:降至|降低至|下降至|降到|降低到|下降到|控制在)",
)

# A count of the things a whole area's scope names before their goal (全县246个行政村全覆盖): it says which
# things, and the goal is the coverage, not the number.
WHOLE_AREA = r"全(?:省|市|州|县|区|镇|乡)"
SCOPE_GOALS: tuple[str, ...] = ("全覆盖", "全部覆盖", "全面覆盖")
# A verb of work done right before the area (完成全县12家燃气经营企业全覆盖检查): the count is the work.
SCOPE_WORK_VERBS: tuple[str, ...] = ("完成",)

# A change in points that a verb right before the number commits to is a goal, even of a rate the
# blockers above stand for (贷款平均利率较上年下降0.2个百分点).
POINT_CHANGE_VERBS: tuple[str, ...] = ("下降", "降低", "提高", "提升", "增长", "上升", "减少", "增加")
POINT_UNITS: tuple[str, ...] = ("个百分点", "百分点")

# A share of some base in the clause makes it a rule (工程合同价款的2%存储); a share of the plan's own
# work or of a total is a goal (完成年度任务的80%, 教师总数的15%), as is one a comparator bounds
# (发放比例不低于项目资金的30%: comparators.SHARE_OPS).
SHARE_OF_BASE = r"(?<!任务|目标|计划|总数|总量|总额)的\d{1,3}(?:\.\d{1,3})?%"

# Patterns in the sentence (up to 。 ; ! ?) before a number that make it a statistic about the past.
PAST_MARKERS: tuple[str, ...] = (
    r"截至|截止目前|截止到目前|目前已|现有(?!基础)|共有|已有|已累计|累计已|已完成|已建成|已经",
    # 比上年/较去年 is the base of a planned growth (比上年增长7%左右), not a report about the past
    # (…以来出台的各类政策: which policies the work applies, no report of results)
    r"(?<![比较与])(?:上年|去年)|以来(?!(?:出台|印发|制定|发布)的)|过去|近年|近几年|此前|历年",
)

# A year before the plan's, printed as the subject of a clause (2016年全市完成培训1万人), makes that
# clause and the ones after it in the sentence a report about the past, unless one of these comes
# right before the year (比2016年增长, 在2016年基础上) or right after it (2016年水平).
PAST_YEAR_NOT_AFTER = "比较与到至在于按从自"
PAST_YEAR_NOT_BEFORE: tuple[str, ...] = ("基础", "水平", "同期", "的基础", "标准", "版")

# Nouns earlier in the clause that name the time a duration (units.DURATION_UNITS) bounds: 办理时间
# 控制在1天以内, 审理周期缩短至90天以内, 平均住院日控制在8天以内, 重污染天数。同比减少2天.
TIME_MEASURES: tuple[str, ...] = (
    "时间",
    "时长",
    "时限",
    "用时",
    "周期",
    "时段",
    "天数",
    "住院日",
    "工期",
)

# Units that give the size of a thing, and the things a size with 以上/以下 then says which of count
# (500头以上肉牛规模养殖场, 500万元以上技改项目200个, 20户以上自然村, 56人以上大班额, 年产1000吨以上
# 企业): that number is no target. A size before the things themselves counts them (扶持100户以上
# 贫困户, 新增500头以上能繁母猪, 5000人以上农民工), as does a count unit (1000个以上村庄).
SIZE_UNITS: frozenset[str] = frozenset(
    {"人", "名", "户", "头", "只", "元", "美元", "吨", "亩", "平方米", "平米", "公顷", "千瓦", "兆瓦", "床"}
)
# A distance right before one of these scopes where the work is done (学校周边200米范围内的摊点,
# 河道两侧50米范围以内): no target.
DISTANCE_UNITS: frozenset[str] = frozenset({"米", "公里", "千米"})
SCOPE_AFTER_DISTANCE: tuple[str, ...] = ("范围内", "范围以内", "范围之内", "以内范围")

SIZE_CLASS_NOUNS: tuple[str, ...] = (
    "企业",
    "项目",
    "工程",
    "养殖场",
    "农场",
    "基地",
    "园区",
    "合作社",
    "经营主体",
    "单位",
    "机构",
    "学校",
    "医院",
    "自然村",
    "行政村",
    "村庄",
    "小区",
    "班额",
)

# After a comparator before the number (不少于15人的应急分队), 的 + a noun is what the plan builds, a
# quota; only these nouns make it a rule of which things count (不少于30人的企业).
QUOTA_RULE_NOUNS: tuple[str, ...] = ("企业", "单位", "项目", "用人单位", "职工", "标准")

# Right after the number, its unit and comparator: 的 + one of these keeps it a target
# (占比30%的要求); 的 + anything else makes it an attribute (30人以上的企业, 50%的政策).
GOAL_NOUNS: tuple[str, ...] = ("目标", "任务", "要求", "指标", "计划", "水平")
# For a percentage, 的 + a noun is usually what the share applies to (100%的乡镇建成…): only these
# nouns make it an attribute (50%的政策).
PERCENT_ATTRIBUTE_NOUNS: tuple[str, ...] = (
    "政策",
    "标准",
    "比例",
    "部分",
    "费用",
    "资金",
    "补贴",
    "补助",
    "奖励",
    "额度",
    "幅度",
    "费率",
)
# A strict comparison before the number and 的 + a noun after it (完好率低于90%的建筑, 人数少于30人的
# 班级) is a threshold that says which things count, not a goal, whatever the unit; the 不低于/不少于 of a
# quota (不少于15人的应急分队, 不低于90%的村) is still read as a target.
# A ceiling or 超过 before such a number is a threshold too (单户授信不超过500万元的贷款, 年销售额超过1000万元的企业).
THRESHOLD_PREFIXES: tuple[str, ...] = (
    "低于",
    "高于",
    "少于",
    "小于",
    "多于",
    "大于",
    "超过",
    "不超过",
    "不高于",
    "不多于",
)
# Right before the number, the size of what the plan sets up (设立规模20亿元的发展基金): 的 + a noun after it
# names that thing, and the number stays a target.
SIZE_WORDS: tuple[str, ...] = ("规模",)
# Words right before a number that name a shortfall (人均收入不足5000元的, 入住率未达到50%的, 不满16周岁):
# a condition on which things count, never a goal a plan commits to reach.
SHORTFALL_PREFIXES: tuple[str, ...] = ("不足", "未达到", "未达", "达不到", "未满", "不满", "尚未达到")
# ... unless the clause says the plan covers that share (覆盖三分之二以上的县, 惠及90%的村).
# Verbs of making right before a count (打造3个以上的示范村, 创办10家以上的合作社): the things made are the
# target, not a class the number describes (a size, 30人以上的企业, stays a class: SIZE_UNITS).
MAKE_VERBS: tuple[str, ...] = (
    "打造",
    "创办",
    "创建",
    "建成",
    "新建",
    "建设",
    "培育",
    "组建",
    "引进",
    "新增",
    "创成",
    "争创",
)
COVERAGE_VERBS: tuple[str, ...] = ("覆盖", "惠及", "辐射")

# Right after 项/个/条: the number counts parts of a document, not work to do (9项具体建设任务).
ITEM_COUNT_AFTER = r"(?:具体|重点|主要|专项|硬|硬核|务实)?(?:建设|工作|保障)?(?:任务|措施|举措|内容|政策|制度|方面|条款|意见|要点)"
ITEM_COUNT_UNITS: tuple[str, ...] = ("项", "个", "条", "方面")
# Right after the 等 closing a list, a count of kinds sums up the list (低保户、特困人员等4类重点对象).
LIST_SUM_MARKS: tuple[str, ...] = ("等",)
LIST_SUM_UNITS: tuple[str, ...] = ("类", "方面")
# A count right after the document that set it (“十四五”规划102项重大工程): another plan's items, named.
DOCUMENT_COUNT_MARKS: tuple[str, ...] = ("规划", "计划", "纲要")
DOCUMENT_COUNT_UNITS: tuple[str, ...] = ("项", "个")

# --- the metric: what a target counts ------------------------------------------------------------

# A 其中 clause splits the total before it into parts.
BREAKDOWN_WORDS: tuple[str, ...] = ("其中",)

# The metric starts after the last of these verbs before the number (完成|新增转移农村劳动力|6.04万人).
# A jieba word ending with one of them also counts (努力实现).
METRIC_CUT_VERBS: tuple[str, ...] = (
    "完成",
    "实现",
    "达到",
    "确保",
    "力争",
    "培训",
    "推广",
    "建设",
    "新建",
    "建成",
    "培养",
    "落实",
    "开展",
    "组织",
    "帮助",
    "扶持",
    "提供",
    "发放",
    "创建",
    "打造",
    "改造",
    "认定",
    "争取",
    "保持",
    "推动",
    "促进",
    "带动",
    "举办",
    "吸引",
    "引进",
    "安置",
    "实施",
    "资助",
    "救助",
    "开发",
    "支持",
    "新开发",
    "筹集",
    "完成率",
)

# Dropped from the start of a metric: connectors, 其中, places and years (2022年全省粮食播种面积).
METRIC_DROP_START: tuple[str, ...] = (
    r"\d{1,3}[.、]\s*",
    r"[(〔][一二三四五六七八九十\d]{1,3}[)〕]\s*",
    r"[一二三四五六七八九十]{1,3}、\s*",
    r"\d{4}年度?",
    "今年",
    "全年",
    "当年",
    "本年度",
    "年度",
    "其中",
    "以及",
    "和",
    "及",
    "与",
    "、",
    "并",
    "全省",
    "全市",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全旗",
    "全镇",
    "全乡",
    "全国",
    "我省",
    "我市",
    "我区",
    "我县",
    "我州",
    "本地区",
    "累计",
    "共计",
    "共",
    "各地",
    "各",
)

# Dropped from the end of a metric: verbs that only lead to the number (产量稳定在1930万吨以上).
METRIC_DROP_END: tuple[str, ...] = (
    "压缩至",
    "压缩到",
    "压减至",
    "压减到",
    "缩短至",
    "缩短到",
    "减少至",
    "减少到",
    "降至",
    "减至",
    "稳定在",
    "保持在",
    "控制在",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "达到",
    "达",
    "为",
    "各",
    "分别",
    "在",
    "到",
)

# Opening and closing quotes: verbs inside a quoted name do not cut the metric (培养“乡村建设带头工匠”).
OPEN_QUOTES = "“‘《("
CLOSE_QUOTES = "”’》)"

# Quote marks removed from a metric (培养“乡村建设带头工匠”500人).
METRIC_STRIP_CHARS = '“”‘’"《》()'

# Longest metric kept, in characters: longer ones keep their last jieba words.
METRIC_MAX_CHARS = 16
