"""The shape of an organisation's name: level prefix + place + core + organ suffix. Data only.

extract/orgnames.py reads a name by its shape with these tables, not from a list of known agencies:
a bare department in a list (市发改委、财政局) takes the level prefix of the list's first name.
"""

from __future__ import annotations

# After a level prefix these characters belong to the name itself (市场监管局, 市政公用局, 区域办),
# written as regular-expression lookaheads: 市政 is the name unless 府 follows (市政府办公室, 市政务服务中心, 市政协).
NOT_A_LEVEL_AFTER: dict[str, tuple[str, ...]] = {
    "市": ("场", "政(?![府务协])", "容"),
    "区": ("域",),
    "县": ("域",),
    "乡": ("村",),  # 乡村振兴局
}

# A department's plan names its own offices after itself (厅规划处、建设处 = 厅建设处): such a name
# takes no level prefix (省厅建设处 is no name), and the bare offices listed after it take its 厅.
SELF_PREFIXES: tuple[str, ...] = ("厅", "局", "委", "院")
OFFICE_SUFFIXES: tuple[str, ...] = ("处", "科", "室", "股")

# Suffixes of public organs: a bare name ending in one takes the level prefix of its list.
# Organs whose whole name is the suffix (市工信局、科技局、总工会负责 → 市总工会): bare in a list.
WHOLE_NAME_ORGANS: tuple[str, ...] = (
    "总工会",
    "妇联",
    "残联",
    "科协",
    "工商联",
    "红十字会",
    "法院",  # 市公安局、法院、检察院协同 → 市法院, 市检察院
    "检察院",
)
ORGAN_SUFFIXES: tuple[str, ...] = (
    "管理委员会",
    "委员会",
    "办公室",
    "管委会",
    "村民委员会",
    "居民委员会",
    "村委会",
    "居委会",
    "检察院",
    "法院",
    "总工会",
    "工会",
    "团委",
    "妇联",
    "残联",
    "科协",
    "工商联",
    "红十字会",
    "支队",
    "大队",
    "中队",
    "中心",
    "专班",
    "厅",
    "局",
    "委",
    "办",
    "部",
    "院",
    "处",
    "科",
    "室",
    "股",
    "站",
    "所",
    "队",
    "馆",
    "社",  # 供销社
    "支行",  # 人民银行某某支行
    "人行",  # 市人行: the people's bank's branch, by its short name
)

# Words of an organ that is not of the plan's level, usually printed with its own place or company
# name (宁波电业局, 国网供电公司): such a name never takes the list's level prefix.
OWN_NAME_WORDS: tuple[str, ...] = (
    "电业",
    "供电",
    "电力",
    "电网",
    "烟草",
    "铁路",
    "电信",
    "移动",
    "联通",
    "石油",
    "石化",
    "银行",
    "保险",
    "公司",
    "集团",
    "海关",
    "边检",
    "分局",
    "支行",
    "分行",
    # a newspaper named by its place (青州日报社, 滨海晚报社): the place is in its name
    "日报",
    "晚报",
    "报社",
)

# The committee running an area or a village is named by it (龙脊山管委会, 温泉度假区管理委员会, 白水村委会):
# the core is the place's own name, never a bare department taking the list's level prefix.
AREA_BODY_SUFFIXES: tuple[str, ...] = ("管理委员会", "管委会", "村民委员会", "居民委员会", "村委会", "居委会")

# A branch a higher level's department keeps at this level (区市场监管局、自然资源分局): named by its
# department's core alone it is bare and takes the list's prefix (区自然资源分局); with a place or a
# company of its own (岚溪银保监分局) it is printed whole.
BRANCH_SUFFIXES: tuple[str, ...] = ("分局",)

# Cores of an agency a central regulator keeps in a province or a city, always named by that place
# (江西银保监局, 深圳证监局): a name holding one after a place of two characters or more takes no prefix.
PLACE_NAMED_CORES: tuple[str, ...] = ("银保监", "银监", "保监", "证监")

# Endings of a place inside a name (井冈山经开区管委会, 高新园(邹区镇)): a name holding one names its
# own place and takes no prefix.
PLACE_MARKS: tuple[str, ...] = (
    "经开区",
    "开发区",
    "高新区",
    "新区",
    "园区",
    "示范区",
    "试验区",
    "街道",
    "省",
    "市",
    "县",
    "区",
    "州",
    "镇",
    "乡",
    "村",
    "旗",
    "盟",
)

# A village named as an actor in a township's plan (沙坝村、瓦窑村配合做好征地协调): a short name ending in
# 村 (orgnames.is_village), unless it ends in one of these words for a kind of village (行政村, 示范村).
VILLAGE_SUFFIX = "村"
NOT_VILLAGE_ENDINGS: tuple[str, ...] = (
    "乡村",
    "农村",
    "行政村",
    "自然村",
    "示范村",
    "重点村",
    "贫困村",
    "试点村",
    "中心村",
    "薄弱村",
    "后进村",
    "文明村",
    "帮扶村",
    "脱贫村",
    "搬迁村",
    "达标村",
    "先进村",
    "特色村",
    "传统村",
    "全村",
    "本村",
    "每村",
    "该村",
    "此村",
    "村村",
)

# Words holding a place character that name no place (城乡建设局, 农村工作办公室, 社区服务中心).
NOT_A_PLACE: tuple[str, ...] = (
    "城市",
    "城乡",
    "农村",
    "乡村",
    "社区",
    "市场",
    "市政",
    "市容",
    "县域",
    "区域",
    "地区",
    "省级",
    "市级",
    "县级",
    "区级",
    "乡镇",
)

# A piece of a list that only repeats a generic word (市直有关部门、单位): it joins the name before it.
# A collective after 等 closing a name (市公安局等有关部门, 区市场监管局等区级执法部门): not part of
# the name before it. A regular expression anchored at the name's end.
TRAILING_COLLECTIVE = r"等(?:[\u4e00-\u9fff]{0,8}?(?:单位|部门))?$"

GENERIC_PIECES: tuple[str, ...] = ("单位", "部门", "机构", "组织")

# Internal units of one department's own plan (a 局 planning its year): agencies like any other.
INTERNAL_UNITS: tuple[str, ...] = (
    "各科室",
    "各股室",
    "各处室",
    "各科(室)",
    "局属各单位",
    "局属单位",
    "委属各单位",
    "各直属单位",
    "机关各科室",
    "办公室",
)

# Collective nouns a leading 各 is shared with (各社区、村 = 各社区、各村).
EACH_NOUNS: tuple[str, ...] = (
    "村",
    "社区",
    "乡",
    "镇",
    "乡镇",
    "街道",
    "部门",
    "单位",
    "学院",
    "科室",
    "处室",
    "园区",
    "学校",
    "医院",
    "企业",
    "区",
    "县",
    "市",
)
# Prefixes a notice writes before its own units' names (街道城管中队), besides the level prefixes: a bare
# unit (城管中队) the same notice writes so elsewhere is that unit.
OWN_UNIT_PREFIXES: tuple[str, ...] = ("街道",)

# What after 各 counts things, not units (各项资金, 各类风险, 各种问题, 各方面力量): no body unless the
# name ends as an organisation's does (各类学校).
EACH_NOT_A_BODY: tuple[str, ...] = ("各项", "各类", "各种", "各方面")

# A collective named by 各/相关 and one of EACH_NOUNS (各社区, 各相关村, 相关社区, 各乡(镇)): a body of
# its own when a clause gives it a role (由X牵头,各社区配合); the gloss in brackets is this short at most.
EACH_GLOSS_MAX = 4

# Endings of a department's service points (政务服务窗口): words of ordinary prose too (关闭窗口,
# 时间窗口), so a name ends so only in a clause whose role cue follows it (…牵头,政务服务窗口配合).
SERVICE_POINT_ENDINGS: tuple[str, ...] = ("窗口",)

# Endings of a department's own sections (城建股, 人事科): never given a level prefix (县城建股).
SECTION_SUFFIXES: tuple[str, ...] = ("股", "科", "处")

# Posts of people (分管副市长、协管副秘书长负责): a name ending so is a person's post, never an agency.
POST_ENDINGS: tuple[str, ...] = (
    "省长",
    "市长",
    "州长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "秘书长",
    "书记",
    "主任",
    "局长",
    "厅长",
    "部长",
    "主席",
    "领导",
    "同志",
)

# Words that open a task's text and never an organisation's name (推进大庙弄核心区改造 ends like a
# place, yet is work): read where agency cells are glued to the text of a table row.
TASK_OPENERS: tuple[str, ...] = (
    "推进",
    "推动",
    "提升",
    "提高",
    "完成",
    "开展",
    "实施",
    "建设",
    "新建",
    "改造",
    "改扩建",
    "加强",
    "加快",
    "落实",
    "组织",
    "完善",
    "深化",
    "打造",
    "举办",
    "建立",
    "健全",
    "制定",
    "强化",
    "优化",
    "持续",
    "全面",
    "积极",
    "扩大",
    "支持",
    "鼓励",
    "引导",
    "做好",
    "抓好",
    "确保",
    "力争",
    "实现",
    "新增",
    "增加",
    "启动",
    "培育",
    "发展",
    "创建",
    "开工",
    "编制",
    "修订",
    "出台",
    "印发",
    "指导",
    "督促",
    "协调",
    "保障",
    "对接",
    "为",
    "对",
    "在",
    "按",
    "将",
    "把",
    "与",
    "由",
    "并",
)
# Endings of a place that may stand as a unit in an agency cell (经开区, 高新园区): with the organ
# endings, where a glued run of names is cut.
CELL_PLACE_ENDINGS: tuple[str, ...] = ("经开区", "开发区", "高新区", "新区", "园区", "示范区", "试验区", "区")

# Endings of a town standing as a unit in an agency cell (城关镇、凤岭街道): a name of three characters
# or more ending so is one, unless it ends in a word that names no town (城镇, 乡镇).
TOWN_ENDINGS: tuple[str, ...] = ("镇", "乡")
NOT_A_TOWN: tuple[str, ...] = ("城镇", "乡镇", "城乡", "重镇", "名镇", "集镇", "村镇", "市镇", "家乡", "下乡")

# Departments of a party committee (市委宣传部、组织部 → 市委组织部): a bare one takes the 市委 of the
# list's party department, not the 市 of the government's.
PARTY_DEPARTMENTS: tuple[str, ...] = (
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "编办",
    "网信办",
    "农办",
    "政研室",
    "督查室",
    "社会工作部",
)

# Words before a unit's name saying whose it is (局属农业技术推广中心: the bureau's own centre): not part
# of the name, which is read without them; before a collective (局属各单位) they are the name.
AFFILIATION_PREFIXES: tuple[str, ...] = ("局属", "委属", "厅属", "办属")
COLLECTIVE_STARTS: tuple[str, ...] = ("各", "有关", "相关", "所有")
