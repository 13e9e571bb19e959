"""Words that say how an agency takes part in a task, and the shapes of agency names. Data only."""

from __future__ import annotations

# Labels before a colon: 牵头单位: 市人社局
ROLE_LABELS: dict[str, str] = {
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主责单位": "lead",
    "主办单位": "lead",
    "牵头处室": "lead",
    "责任处室": "responsible",
    "主要责任单位": "responsible",
    "具体责任单位": "responsible",
    "责任股室": "responsible",
    "部门分工": "responsible",
    "责任分工": "responsible",
    "牵头责任单位": "lead",
    "协同责任单位": "support",
    "配合责任单位": "support",
    "参与责任单位": "support",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "责任科室": "responsible",
    "责任主体": "responsible",
    "实施单位": "responsible",
    "承办单位": "responsible",
    "落实单位": "responsible",
    "负责单位": "responsible",
    "配合单位": "support",
    "配合部门": "support",
    "参与单位": "support",
    "参加单位": "support",
    "协办单位": "support",
    "协同单位": "support",
    "协助单位": "support",
    "牵头科室": "lead",
    "牵头股室": "lead",
    "主办科室": "lead",
    "配合科室": "support",
    "配合股室": "support",
    "配合处室": "support",
    "协办科室": "support",
    "协办部门": "support",
    "协同部门": "support",
    "参与部门": "support",
    "主责部门": "lead",
    "负责部门": "responsible",
}
# A label is also any role word before any unit noun (协同处室, 协助科室, 主办部门): the pairs not
# listed above join ROLE_LABELS.
LABEL_ROLE_WORDS: dict[str, str] = {
    "牵头": "lead",
    "主责": "lead",
    "主办": "lead",
    "责任": "responsible",
    "负责": "responsible",
    "配合": "support",
    "协同": "support",
    "协办": "support",
    "协助": "support",
    "参与": "support",
    "参加": "support",
    "协作": "support",
}
LABEL_UNIT_NOUNS: tuple[str, ...] = ("单位", "部门", "处室", "科室", "股室")
ROLE_LABELS |= {
    word + noun: role
    for word, role in LABEL_ROLE_WORDS.items()
    for noun in LABEL_UNIT_NOUNS
    if word + noun not in ROLE_LABELS
}
# 主要协作单位, 具体配合部门: a qualifier before a label keeps the label's role.
LABEL_QUALIFIERS: tuple[str, ...] = ("主要", "具体", "其他")
ROLE_LABELS |= {
    qualifier + label: role
    for qualifier in LABEL_QUALIFIERS
    for label, role in list(ROLE_LABELS.items())
    if qualifier + label not in ROLE_LABELS
}
# 责任单位及责任人: a person named with the unit, after the label (the person is left out).
LABEL_PERSON_TAILS: tuple[str, ...] = ("责任人", "负责人", "联系人", "责任领导")

# Labels that are not agencies but share the bracket: skipped when splitting.
OTHER_LABELS: tuple[str, ...] = (
    "完成时限",
    "完成时间",
    "时间节点",
    "时限要求",
    "办结时限",
    "责任领导",
    "分管领导",
    "牵头领导",
    "责任人",
    "联系人",
    "牵头负责领导",
    "分管省领导",
    "分管市领导",
    "分管县领导",
    "分管区领导",
    "项目责任人",
)
# Written after a name inside a list: 市发改委(牵头)、市财政局.
INLINE_LEAD_MARKS: tuple[str, ...] = ("(牵头)", "(牵头单位)", "(主责)")
# Written after a name inside a list, giving that name its role: 市财政局(配合)、各街道(配合单位).
INLINE_ROLE_MARKS: dict[str, str] = {
    "(牵头)": "lead",
    "(牵头单位)": "lead",
    "(主责)": "lead",
    "(负责)": "responsible",
    "(责任单位)": "responsible",
    "(配合)": "support",
    "(配合单位)": "support",
    "(参与)": "support",
    "(协办)": "support",
}
# Short labels before a colon inside one cell or bracket: 牵头:市民政局 配合:各街道.
SHORT_LABELS: dict[str, str] = {
    "牵头": "lead",
    "主责": "lead",
    "责任": "responsible",
    "配合": "support",
    "协办": "support",
    "参与": "support",
}

# Verb cues at the end of a clause: 市人社局牵头 / …分别负责 / …参加.
ROLE_CUES: dict[str, str] = {
    "牵头负责": "lead",
    "牵头落实": "lead",
    "牵头抓总": "lead",  # 镇党政办牵头抓总: leads and holds the whole
    "牵头": "lead",
    "主抓": "lead",
    "主办": "lead",  # (省财政厅主办,省国税局、地税局协办): the host leads, its partners support
    "分别负责": "responsible",
    "共同负责": "responsible",
    "按职责分工负责": "responsible",
    "按职责负责": "responsible",
    "各负其责": "responsible",
    "负责落实": "responsible",
    "负责": "responsible",
    "落实": "responsible",
    "组织实施": "responsible",
    "具体实施": "responsible",
    "参加": "support",
    "配合": "support",
    "参与": "support",
    "协同": "support",
    "协助": "support",
    "协办": "support",
    "共同参与": "support",
    "配合落实": "support",
    "指导": "support",  # 各县政府负责,市生态环境局指导: guidance from above, no report of its own
}
# 市教育局会同市财政局…负责: the host leads, the partners support.
TOGETHER_WORDS: tuple[str, ...] = ("会同", "联合", "协调")
# What the host and its partners do after 由X会同Y… (负责落实, 研究提出, 制定, 办理).
TOGETHER_VERBS: tuple[str, ...] = ("负责", "研究", "提出", "制定", "办理", "落实", "牵头")

# Role verbs a page glued to the end of a name (各村(社区)负责具体征缴): never part of an organ's name.
GLUED_ROLE_VERBS: tuple[str, ...] = ("负责", "牵头", "配合", "协助", "参与")
# A role verb followed by one of these is a noun naming units (各民生实事牵头单位, 各配合部门): the
# whole is one collective name, not a name and its verb.
ROLE_NOUN_HEADS: tuple[str, ...] = ("单位", "部门", "处室")

# Words that may join two agency names (split only between complete names).
JOINERS: tuple[str, ...] = ("和", "及", "与", "以及")

# Level prefixes an elided name takes from the first name of its list (省劳动保障厅牵头,…建设厅 → 省建设厅).
LEVEL_PREFIXES: tuple[str, ...] = ("自治区", "自治州", "省", "市", "州", "县", "区", "盟", "旗", "镇", "乡")
# Levels listed after 各 before one department (各市、县(区)教育局: each city's and each county's bureau).
EACH_LEVELS: tuple[str, ...] = (
    "市",
    "县",
    "区",
    "设区市",
    "县(市、区)",
    "县(区)",
    "县(市)",
    "州",
    "旗",
    "乡镇",
    "乡(镇)",
)
# Endings of department-like names (a bare 建设厅 is a department of the level named first).
DEPARTMENT_ENDINGS: tuple[str, ...] = (
    "厅",
    "局",
    "委",
    "办",
    "部",
    "委员会",
    "办公室",
    "工会",
    "联",
    "院",
    "中心",
    "所",
    "队",
    "处",
    "科",
)
# Cores of government departments (建设厅 = 建设 + 厅): only these take the level prefix of the first
# name of a list, so 宁波电业局 or 石家庄中心支行 are left as printed.
DEPARTMENT_CORES: tuple[str, ...] = (
    "发展改革",
    "发展和改革",
    "发改",
    "教育",
    "科技",
    "科学技术",
    "工业和信息化",
    "工信",
    "经信",
    "经济和信息化",
    "公安",
    "民政",
    "司法",
    "财政",
    "人力资源社会保障",
    "人力资源和社会保障",
    "人社",
    "劳动保障",
    "劳动和社会保障",
    "自然资源",
    "国土资源",
    "国土",
    "生态环境",
    "环境保护",
    "环保",
    "住房城乡建设",
    "住房和城乡建设",
    "住建",
    "建设",
    "城乡建设",
    "城建",
    "交通运输",
    "交通",
    "水利",
    "水务",
    "农业农村",
    "农业",
    "林业",
    "商务",
    "文化和旅游",
    "文化",
    "旅游",
    "文广新",
    "卫生健康",
    "卫生计生",
    "卫计",
    "卫生",
    "退役军人事务",
    "应急管理",
    "应急",
    "安监",
    "安全生产监督管理",
    "审计",
    "国资",
    "市场监督管理",
    "市场监管",
    "工商",
    "质监",
    "体育",
    "统计",
    "医疗保障",
    "医保",
    "扶贫",
    "扶贫移民",
    "乡村振兴",
    "能源",
    "粮食",
    "物价",
    "税务",
    "地税",
    "国税",
    "金融",
    "信访",
    "外事",
    "侨务",
    "民族宗教",
    "档案",
    "气象",
    "地震",
    "邮政",
    "通信管理",
    "房管",
    "规划",
    "城管",
    "城市管理",
    "总",
    "新闻出版",
    "广电",
    "广播电视",
    "知识产权",
    "数据",
    "大数据",
    "政务服务",
    "行政审批",
    "机关事务",
    "人防",
)
# Endings of any agency name, used to recognise a name in running text.
AGENCY_ENDINGS: tuple[str, ...] = (
    *DEPARTMENT_ENDINGS,
    "政府",
    "管委会",
    "委会",  # 村委会, 社区居委会, 各村(居)委会, 市人大常委会
    "部门",
    "单位",
    "机构",
    "银行",
    "支行",
    "分行",
    "公司",
    "集团",
    "法院",
    "检察院",
    "街道",
    "办事处",
    "专班",
    "领导小组",
    "组",  # 工作组, 督导组, 年级组, 教研组
    "指挥部",
    "成员单位",
    "党委",
    "团委",
    "总工会",
    "妇联",
    "残联",
    "科协",
    "乡镇",
    "镇街",
    "县区",
    "区县",
    "各地",
    "支队",
    "大队",
    "站",
    "室",
    "股",
    "馆",
    "海关",
    "司",  # 部就业促进司
    "党校",
    "机关",  # 市纪委监委机关
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "供销社",
    "供销合作社",
    "协会",
    "商会",
    "红十字会",
    "气象台",
)
# A shared suffix written once at the end of a 、-list: 井冈山经开区、庐陵新区管委会.
SHARED_SUFFIXES: tuple[str, ...] = ("管委会", "人民政府", "政府", "党委", "党工委", "管理委员会")
PLACE_ENDINGS: tuple[str, ...] = (
    "经开区",
    "开发区",
    "新区",
    "高新区",
    "园区",
    "示范区",
    "试验区",
    "县",
    "市",
    "区",
)
# Names that never take a level prefix although they end like a department.
NO_PREFIX_STARTS: tuple[str, ...] = (
    "各",
    "全",
    "有关",
    "相关",
    "团",
    "中共",
    "共青团",
    "人行",
    "中国",
    "国家",
    "驻村",  # 驻村工作队: a team sent to the villages, not the town's own office
    "驻镇",
)

# A clause of an agency bracket that holds one of these is a time or an action, not a name:
# (国务院各部门分别负责,年内持续推进) / (…按职责分工负责,6月底前出台相关政策).
NOT_A_NAME = r"\d+月|年底|年内|月底|季度|持续|长期|前完成|底前|出台|完成|推进|落实|开展|建立|制定"

# Words between names and their verb that say how they share the work (…分别负责, …按职责分工负责).
ROLE_QUALIFIERS: tuple[str, ...] = (
    "按职责分工",
    "按职责",
    "分别",
    "共同",
    "各自",
    "具体",
    "抓好",
    "认真",
    "积极",
    "切实",
    "统筹",
)
# 市发改委为牵头单位,市财政局为配合单位: a name, this word, then a role label.
IS_LABEL_WORDS: tuple[str, ...] = ("为", "是", "作为")
# Words a clause may open with before its first name (由市人社局负责, 请各地…, 并…).
NAME_NOISE_PREFIXES: tuple[str, ...] = ("由", "请", "并")
# What may stand before 由 in 此项工作由市农业农村局牵头.
ATTRIBUTION_LEAD_INS: tuple[str, ...] = (
    "此项工作",
    "该项工作",
    "此项任务",
    "该项任务",
    "以上工作",
    "上述工作",
    "此项",
)
# A name that starts with one of these refers back to its own agency's area (分别负责本地区具体落实).
SELF_REFERENCES: tuple[str, ...] = ("本地", "本辖区", "辖区", "本部门", "本单位", "本系统", "本级", "本行业")
# Glosses after the last name of a list that say how the units share it: 司法厅(按职责分工).
LIST_GLOSSES: tuple[str, ...] = ("按职责分工", "按职责", "按职能", "分别负责", "按分工", "按职责分工负责")

# The verb after 由X… / an item that opens with its agency (公安部门负责…): lead first, then responsible.
BY_VERBS: dict[str, str] = {
    "牵头负责": "lead",
    "牵头": "lead",
    "负责": "responsible",
    "联合": "responsible",  # 由县创卫办、县城管局及相关乡镇联合采取集中整治: all of them do it
    "共同": "responsible",
}
# Verbs that give a role only after 由X (由镇防汛抗旱指挥部办公室组织开展1次演练: the unit that runs it),
# not after a name opening a clause (区经信局牵头,会同区发改局组织实施: the partners of the lead).
BY_ONLY_VERBS: dict[str, str] = {"组织开展": "responsible", "组织实施": "responsible"}
# What may follow that verb (由县民政局负责落实).
BY_VERB_TAILS: tuple[str, ...] = ("组织实施", "落实", "实施", "抓总")  # 由X牵头抓总,Y具体落实

# A sentence that carries an attribution forward to the items after it: where it starts inside an
# attribution (…,以下任务均需各区市政府落实,不再一一列出 / …各县区配合,下同 / 以下各项不再列出配合单位).
CARRY_STARTS: tuple[str, ...] = ("以下", "下列", "下同", "同上", "不再一一列出", "不再重复列出", "不再列出")
# A carry sentence that names its agencies: 以下任务均需<names>落实.
CARRY_NAME_OPENERS: tuple[str, ...] = ("均需由", "均需", "均由", "都需", "都由", "需由", "均要", "由", "需")
# A carry sentence that names a role: its agencies of that role carry (不再列出配合单位).
CARRY_ROLE_WORDS: dict[str, str] = {"配合单位": "support", "责任单位": "responsible", "牵头单位": "lead"}

# What a division unit and its partners do together (会同市交通运输局规范共享单车停放): the partners'
# names end right before one of these (or before HELPED_VERBS, TOGETHER_VERBS or punctuation).
PARTNER_VERBS: tuple[str, ...] = (
    "规范",
    "组织",
    "共同",
    "督促",
    "健全",
    "完善",
    "依法",
    "整治",
    "清理",
    "检查",
    "查处",
    "打击",
    "推动",
    "强化",
    "深化",
    "做",
    "对",
    "抓",
)

# 配合区民政局做好资金监管 under a division-by-unit heading: the unit named after these leads the work.
HELPED_BY: tuple[str, ...] = ("配合", "协助", "协同")
# What the helped unit does (配合区民政局做好…): a name ends right before one of these.
HELPED_VERBS: tuple[str, ...] = (
    "做好",
    "开展",
    "推进",
    "落实",
    "抓好",
    "完成",
    "实施",
    "加强",
    "建立",
    "制定",
    "共同",
    "组织",
    "推动",
)

# An item whose sentence opens with its agency and a modal verb (组织人事局要制定…,财政局要配合…):
# the opener does the work; partners named in a clause that opens with them and HELPED_BY support,
# and make the opener the lead.
MODAL_VERBS: tuple[str, ...] = ("要", "应当", "应", "须", "必须")
# A modal opener that names nobody in particular (有关部门要…) or a collective (各地各部门要…,
# 各县区要高度重视: how a notice words its requirements) is no agency.
COLLECTIVE_STARTS: tuple[str, ...] = ("有关", "相关", "各")
# …nor one that names a kind of body rather than an office (施工总承包单位或者分包单位应当…).
MODAL_NOT_OFFICES: tuple[str, ...] = ("单位", "机构", "企业")

# Work verbs after an agency that opens a sentence of the item's body as its subject, with no role word
# (各街道办事处完成小区信息调查, 各县(市、区)农业农村局于4月底前完成规划修编): the subject is responsible.
# A date with 于 or 在 and a modal may stand between (SUBJECT_DATE_MAX characters of the date).
SUBJECT_VERBS: tuple[str, ...] = (
    "完成",
    "开展",
    "组织开展",
    "组织验收",  # 市城市更新领导小组办公室组织验收: the office that runs it (not 组织 alone: 省委组织部)
    "组织实施",
    "组织召开",
    "制定",
    "编制",
    "做好",
    "建立",
    "启动",
    "报送",
    "上报",
    "摸清",
    "建成",
)
SUBJECT_DATE_MARKS: tuple[str, ...] = ("于", "在")
SUBJECT_DATE_MAX = 12
# Words that make such a subject nobody in particular (各有关部门完成…, 各级政府…).
SUBJECT_NOT_IN_NAMES: tuple[str, ...] = ("有关", "相关", "各级", "成员单位")

# Verbs opening the sentences under a division-by-unit heading (（十四）市民政局。负责…;配合…).
DIVISION_VERBS: dict[str, str] = {
    "牵头": "lead",
    "负责": "lead",
    "主抓": "lead",
    "配合": "support",
    "协助": "support",
    "参与": "support",
    "协同": "support",
}
# What may stand before that verb: （十四）团县委、县妇联。分别负责青少年、妇女儿童禁毒宣传教育.
DIVISION_VERB_QUALIFIERS: tuple[str, ...] = ("主要", "分别", "共同", "具体")

# A sentence inside an item that opens with its agencies and one of these verbs (…。市教育局要会同市财政局
# 完善配套政策 / 市公安局、市消防救援支队协同做好查处工作): the verb gives their role; 会同 makes them the
# hosts (lead) and the names after it their partners (support). Longest first.
ACTOR_VERBS: dict[str, str] = {
    "牵头负责": "lead",
    "负责牵头": "lead",
    "牵头": "lead",
    "会同": "lead",
    "负责": "responsible",
    "配合": "support",
    "协同": "support",
    "协助": "support",
    "参与": "support",
}
# What after such a verb makes it a noun (各部门主要负责人安全生产专题培训).
NOT_AFTER_ACTOR_VERB: tuple[str, ...] = ("人", "同志")
# What may stand between those agencies and the verb, after a modal (MODAL_VERBS: 市教育局要会同…) or
# alone (各县(区)人民政府分别负责…).
# Words between an opening actor and its verb, up to two of them (区住建局、区水务局按职责分别负责).
ACTOR_QUALIFIERS: tuple[str, ...] = (
    "按职责分工",
    "按职责",
    "分别",
    "共同",
    "具体",
    "积极",
    "切实",
    "统筹",
    "主要",
)
# Verbs that open an item's headline or a clause and no organisation's name (深化集团化办学和城乡学校共同体
# 建设 opens no sentence with an agency although it ends in 学校 and 共同; 指导各地积极参与… neither).
WORK_VERBS: tuple[str, ...] = (
    "指导",
    "组织",
    "督促",
    "引导",
    "鼓励",
    "支持",
    "帮助",
    "推进",
    "深化",
    "加强",
    "强化",
    "提升",
    "推动",
    "促进",
    "完善",
    "健全",
    "优化",
    "实施",
    "打造",
    "构建",
    "培育",
    "扩大",
    "加快",
    "做好",
    "抓好",
    "坚持",
)
# A list that opens with these names nobody in particular (有关部门负责…, 相关单位配合…).
VAGUE_STARTS: tuple[str, ...] = ("有关", "相关")
# A name that is only a generic ending says nobody in particular (学校负责…, 单位要配合…).
GENERIC_ACTORS: tuple[str, ...] = (
    "学校",
    "单位",
    "部门",
    "机构",
    "企业",
    "街道",
    "乡镇",
    "镇街",
    "各地",
    "科室",
    "股室",
    "处室",
)

# A rule a notice states once about its attributions (…排在第一位的为牵头单位,下同 / 责任单位两个以上的,
# 列第一者为牵头单位): the first unit listed leads. A regular expression.
FIRST_LEAD_RULE = (
    r"(?:列|排|排在|列在|排名|名列)?(?:第一|首位)(?:位|个)?(?:者|的)?(?:责任)?(?:单位|部门)?"
    r"(?:为|是)(?:工作|任务)?(?:牵头|主办|主责)(?:单位|部门)?"  # 列第一位者为工作牵头单位或汇总单位
)
# Words of such a rule saying it holds only when several units are listed.
SEVERAL_UNITS: tuple[str, ...] = (
    "两个以上",
    "两个及以上",
    "二个以上",
    "2个以上",
    "两个或两个以上",
    "多个",
    "两家以上",
)
# The longest condition opening a rule sentence (明确牵头部门的, 责任单位两个以上的): characters before 的.
MAX_RULE_CONDITION = 14
# The rest of the units in such a rule (…为牵头单位,其他为配合单位): their role, after these words.
RULE_OTHERS = r"(?:其他|其余|其它)(?:单位|部门)?(?:均)?(?:为|是)?"
# Words saying a rule holds for the items after it too.
RULE_CARRIES: tuple[str, ...] = ("下同", "以下", "下列")

# 在村级经济普查小组的协助下划分普查小区: the body whose help the work has, named in a 在…的…下 phrase,
# supports it (not 指导 or 领导: a superior guiding the work takes no part in it).
ASSISTED_BY_WORDS: tuple[str, ...] = ("协助", "配合", "支持", "帮助")
