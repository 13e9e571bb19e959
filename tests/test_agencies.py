"""Agencies and roles, table-driven from real notice phrasing."""

from __future__ import annotations

import pytest

from plantrack.extract.attribution import find_agencies
from plantrack.extract.orgnames import split_names

L, R, S = "lead", "responsible", "support"

REAL = [
    pytest.param(
        "完善制度。(市人社局牵头,市公安局、市城建局、市总工会参加)",
        [("市人社局", L), ("市公安局", S), ("市城建局", S), ("市总工会", S)],
        id="jian-lead-and-participants",
    ),
    pytest.param(
        "开展活动。(市教育局、市扶贫移民办、市人社局分别负责)",
        [("市教育局", R), ("市扶贫移民办", R), ("市人社局", R)],
        id="jian-separately-responsible",
    ),
    pytest.param(
        "进一步完善随迁子女政策。(市教育局会同市财政局、市发改委、市公安局负责)",
        [("市教育局", L), ("市财政局", S), ("市发改委", S), ("市公安局", S)],
        id="jian-together-with",
    ),
    pytest.param(
        "完善科研项目经费拨付机制。(资源配置处,会同省税务局、省统计局)",
        [("资源配置处", L), ("省税务局", S), ("省统计局", S)],
        id="host-then-together-clause-without-verb",
    ),
    pytest.param(
        "开展科技评价试点。(政策法规处牵头,会同省人社厅)",
        [("政策法规处", L), ("省人社厅", S)],
        id="lead-then-together-clause-without-verb",
    ),
    pytest.param(
        "组织开展专题调研。(市人社局牵头,井冈山经开区、庐陵新区管委会,各县(市、区)人民政府,各成员单位参加)",
        [
            ("市人社局", L),
            ("井冈山经开区管委会", S),
            ("庐陵新区管委会", S),
            ("各县(市、区)人民政府", S),
            ("各成员单位", S),
        ],
        id="jian-shared-suffix-and-nested-brackets",
    ),
    pytest.param(
        "发挥工资指导线作用。(省劳动保障厅牵头,省安监局、建设厅、公安厅、人行石家庄中心支行、省总工会等分别负责)",
        [
            ("省劳动保障厅", L),
            ("省安监局", R),
            ("省建设厅", R),
            ("省公安厅", R),
            ("人行石家庄中心支行", R),
            ("省总工会", R),
        ],
        id="hebei-elided-prefix-and-trailing-deng",
    ),
    pytest.param(
        "全面展现政府机构权力配置情况。(牵头单位:市政府办公室、市政务服务和大数据管理局;责任单位:市直相关单位,各县市区人民政府)",
        [("市政府办公室", L), ("市政务服务和大数据管理局", L), ("市直相关单位", R), ("各县市区人民政府", R)],
        id="huanggang-labels-in-brackets",
    ),
    pytest.param(
        "形成书面报告。(牵头单位:各县区政府、市人社局,参与单位:市领导小组成员单位;完成时限:2019年7月底前)",
        [("各县区政府", L), ("市人社局", L), ("市领导小组成员单位", S)],
        id="baiyin-labels-with-deadline",
    ),
    pytest.param(
        "全力做好监测。[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]",
        [("区卫健局", L), ("区疫情防控指挥部成员单位", R), ("各街办(新区)", R)],
        id="xialu-square-brackets",
    ),
    pytest.param(
        "保持缴费成本预期稳定。(市人力资源社会保障局、市医保局、市财政局、市税务局负责)",
        [("市人力资源社会保障局", R), ("市医保局", R), ("市财政局", R), ("市税务局", R)],
        id="dongguan-responsible",
    ),
    pytest.param(
        "努力实现地区生产总值增长6.2%左右。\n牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班",
        [("区发改局", L), ("立山经济开发区", R), ("全区经济运行各专班", R)],
        id="lishan-labelled-lines",
    ),
    pytest.param(
        "加强职业健康保护。(市安监局、市卫计委牵头)", [("市安监局", L), ("市卫计委", L)], id="jian-two-leads"
    ),
]

WRITTEN = [
    pytest.param("做好登记工作。由县民政局负责落实。", [("县民政局", R)], id="by-x-responsible"),
    pytest.param(
        "(三)加强流动人口管理。公安部门负责会同民政部门做好登记。",
        [("公安部门", L), ("民政部门", S)],
        id="opens-with-agency-together",
    ),
    pytest.param("开展培训。(市人社局和市财政局负责)", [("市人社局", R), ("市财政局", R)], id="joined-by-he"),
    pytest.param(
        "建立机制。(市市场和质量监督管理局负责)", [("市市场和质量监督管理局", R)], id="he-inside-a-name"
    ),
    pytest.param(
        "做好登记。责任单位:市人社局、市财政局。", [("市人社局", R), ("市财政局", R)], id="inline-label"
    ),
    pytest.param(
        "做好登记。牵头单位:市发改委;配合单位:市财政局;完成时限:2023年底",
        [("市发改委", L), ("市财政局", S)],
        id="inline-labels-with-deadline",
    ),
    pytest.param(
        "加强监管(责任单位:市发改委(牵头)、市财政局、市人社局)",
        [("市发改委", L), ("市财政局", R), ("市人社局", R)],
        id="lead-marked-inside-list",
    ),
    pytest.param("推进工作。(市人社局等部门负责)", [("市人社局", R)], id="trailing-deng-bumen"),
    pytest.param(
        "深入开展专项活动,责任科室(单位):就业科、能建科、人才中心分别牵头,",
        [("就业科", L), ("能建科", L), ("人才中心", L)],
        id="label-with-gloss-and-verb",
    ),
    pytest.param(
        "做好工作。(责任单位(部门):市人社局、市财政局)",
        [("市人社局", R), ("市财政局", R)],
        id="label-gloss-in-bracket",
    ),
    pytest.param(
        "坚决打好三大攻坚战。(国务院各部门分别负责,年内持续推进)",
        [("国务院各部门", R)],
        id="time-clause-is-no-name",
    ),
    pytest.param(
        "深化改革。(发展改革委牵头,财政部、商务部等按职责分工负责,6月底前出台相关政策)",
        [("发展改革委", L), ("财政部", R), ("商务部", R)],
        id="action-clause-is-no-name",
    ),
    pytest.param(
        "扩大开放。(牵头单位:市商务局;责任单位:各县区政府",
        [("市商务局", L), ("各县区政府", R)],
        id="page-ends-in-bracket",
    ),
    pytest.param("扩大开放。(牵头单位:市商务局;责任单位:市发", [("市商务局", L)], id="page-ends-in-a-name"),
    pytest.param(
        "落实税收优惠政策。(省财政厅主办,省税务局、人民银行某某中心支行协办)",
        [("省财政厅", L), ("省税务局", S), ("人民银行某某中心支行", S)],
        id="host-and-co-hosts",
    ),
    pytest.param(
        "居民收入增长8%以上(省发改委牵头,省财政厅、国家统计局某某调查总队等按职责分",
        [("省发改委", L), ("省财政厅", R), ("国家统计局某某调查总队", R)],
        id="page-ends-in-the-cue-after-the-list",
    ),
    pytest.param(
        "落实研发费用加计扣除政策(分管副省长负责,省科技厅、省发改委、省财政厅等负责。列第一位的为牵头部门,"
        "其他部门和单位按职责分工负责,下同),建设一批众创空间",
        [("省科技厅", L), ("省发改委", R), ("省财政厅", R)],
        id="bracket-with-a-rule-before-a-comma",
    ),
    pytest.param(
        "地区生产总值增长7.5%。(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、",
        [("市发改委", L), ("各区人民政府", R)],
        id="page-ends-in-a-gloss",
    ),
    pytest.param(
        "加大信贷支持。(协同责任单位:市税务局、市人行、某某农商银行某某支行)",
        [("市税务局", S), ("市人行", S), ("某某农商银行某某支行", S)],
        id="bank-branches-by-short-and-full-name",
    ),
    pytest.param(
        "建设通道。(省发展改革委、交通运输厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责)",
        [("省发展改革委", R), ("省交通运输厅", R), ("省能源局", R), ("各地级以上市人民政府", R)],
        id="deng-sheng-youguan-bumen",
    ),
    pytest.param(
        "保障供电。(配合单位:市发改委、市财政局、宁波电业局)",
        [("市发改委", S), ("市财政局", S), ("宁波电业局", S)],
        id="no-prefix-for-a-non-department",
    ),
    pytest.param(
        "做好宣传报道。(牵头单位:县委宣传部;配合单位:县融媒体中心、青州日报社)",
        [("县委宣传部", L), ("县融媒体中心", S), ("青州日报社", S)],
        id="newspaper-named-by-its-place-takes-no-prefix",
    ),
    pytest.param(
        "推广绿色防控技术。(植保股负责,局属农机服务中心配合)",
        [("植保股", R), ("农机服务中心", S)],
        id="affiliation-word-is-no-part-of-the-name",
    ),
    pytest.param(
        "严格财务管理。(计财股牵头,局属各单位配合)",
        [("计财股", L), ("局属各单位", S)],
        id="affiliation-word-before-a-collective-is-the-name",
    ),
    pytest.param(
        "推进联合检查。(县应急局等县级执法部门负责)", [("县应急局", R)], id="trailing-deng-level-and-kind"
    ),
    pytest.param(
        "做好结对帮扶。镇民政办负责,驻村工作队配合。",
        [("镇民政办", R), ("驻村工作队", S)],
        id="village-team-takes-no-town-prefix",
    ),
    pytest.param(
        "开展背街小巷整治。年内整治背街小巷20条,由街道城管办牵头,各社区配合,6月底前完成。",
        [("街道城管办", L), ("各社区", S)],
        id="each-community-after-the-lead-supports",
    ),
    pytest.param(
        "落实学生资助政策。资助资金按时足额发放,由县教育局牵头抓总,各学校具体落实。",
        [("县教育局", L), ("各学校", R)],
        id="each-school-after-a-lead-holding-the-whole",
    ),
    pytest.param(
        "推进家庭医生签约服务。重点人群签约率达到75%以上,县卫健局负责,相关医院配合。",
        [("县卫健局", R), ("相关医院", S)],
        id="related-hospitals-after-a-clause-actor",
    ),
    pytest.param(
        "推进污水管网建设。新建管网12公里,街道城建办负责,市政维护所、各社区配合。",
        [("街道城建办", R), ("市政维护所", S), ("各社区", S)],
        id="a-unit-and-a-collective-after-the-actor",
    ),
    pytest.param(
        "压缩审批时限。一般事项审批时限压缩至3个工作日,局行政审批股牵头,综合受理窗口配合。",
        [("局行政审批股", L), ("综合受理窗口", S)],
        id="a-service-window-before-its-cue",
    ),
    pytest.param(
        "开展安全生产大检查。年内检查企业300家,由县应急局牵头,各类企业配合。",
        [("县应急局", L)],
        id="a-kind-of-firm-is-no-body",
    ),
    pytest.param(
        "保障项目建设资金。由镇财政所负责,各项资金足额落实。",
        [("镇财政所", R)],
        id="each-item-of-money-is-no-body",
    ),
    pytest.param(
        "落实学生资助政策。由县教育局牵头,各类学校配合。",
        [("县教育局", L), ("各类学校", S)],
        id="each-kind-of-school-ends-as-a-body",
    ),
    pytest.param(
        "开展森林防火巡查。每月巡查不少于4次。(责任单位:镇应急管理办会同镇林业站)",
        [("镇应急管理办", L), ("镇林业站", S)],
        id="together-inside-a-label-value",
    ),
    pytest.param(
        "组织交叉检查。11月底前完成交叉检查。(质量安全协调处负责)",
        [("质量安全协调处", R)],
        id="together-word-inside-a-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL + WRITTEN)
def test_find_agencies(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text)
    assert found is not None
    assert [(a.name, a.role.value) for a in found.agencies] == expected


@pytest.mark.parametrize(
    "text",
    [
        "鼓励农民工参加职业技能培训(含技工学校)。",
        "整合利用企业、职业院校(含技工学校)等各方培训力量。",
        "将“政务公开”列入市政府领导分工,由市政府常务副市长负责分管。",
    ],
)
def test_no_agencies(text: str) -> None:
    found = find_agencies(text)
    assert found is None or not found.agencies


def test_phrase_kept_as_printed() -> None:
    found = find_agencies("完善制度。(市人社局牵头,市公安局参加)")
    assert found is not None
    assert found.phrase == "市人社局牵头,市公安局参加"


def test_split_names_keeps_nested_brackets() -> None:
    assert split_names("各县(市、区)人民政府、市直各有关单位") == ["各县(市、区)人民政府", "市直各有关单位"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "省商务厅、各市、县〔区〕人民政府",
            ["省商务厅", "各市、县〔区〕人民政府"],
            id="cities-and-counties-sharing-one-government",
        ),
        pytest.param(
            "各市、县(市、区)人民政府负责落实",
            ["各市、县(市、区)人民政府"],
            id="with-a-bracket-of-lower-levels",
        ),
        pytest.param(
            "各辖市、区人民政府、省财政厅", ["各辖市、区人民政府", "省财政厅"], id="before-another-name"
        ),
        pytest.param("各乡镇、县直各部门", ["各乡镇", "县直各部门"], id="no-shared-body-stays-apart"),
        pytest.param(
            "区财政局及各民生实事牵头单位",
            ["区财政局", "各民生实事牵头单位"],
            id="the-lead-units-of-each-project-are-one-collective",
        ),
        pytest.param(
            "县财政局、各项目配合单位",
            ["县财政局", "各项目配合单位"],
            id="the-supporting-units-of-each-project",
        ),
        pytest.param("各村(社区)负责具体征缴", ["各村(社区)"], id="a-glued-verb-still-ends-the-name"),
        pytest.param(
            "各市、县(区)教育局",
            ["各市教育局", "各县(区)教育局"],
            id="levels-after-each-share-one-department",
        ),
        pytest.param(
            "各设区市、县财政局", ["各设区市财政局", "各县财政局"], id="each-city-and-county-its-bureau"
        ),
        pytest.param("各市、县人民政府", ["各市、县人民政府"], id="a-government-they-share-stays-one"),
    ],
)
def test_collective_names_are_one_name(text: str, expected: list[str]) -> None:
    assert split_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。",
            [("省发展改革委", L), ("各地", S), ("各部门", S)],
            id="label-with-clauses",
        ),
        pytest.param(
            "1.全省生产总值增长8%。\n牵头负责领导:邓向阳。\n牵头责任单位:省发展改革委。\n协同责任单位:省财政厅、省统计局。",
            [("省发展改革委", L), ("省财政厅", S), ("省统计局", S)],
            id="lead-and-partner-responsible-units",
        ),
        pytest.param(
            "1.落实家庭医生签约服务。\n牵头责任单位:县卫健委\n主要协作单位:各乡镇人民政府、经济开发区管委会",
            [("县卫健委", L), ("各乡镇人民政府", S), ("经济开发区管委会", S)],
            id="qualified-partner-label",
        ),
        pytest.param(
            "(一)由省经贸委负责,省农业厅、环保局配合,加快无公害畜禽基地建设。",
            [("省经贸委", R), ("省农业厅", S), ("省环保局", S)],
            id="by-x-with-partners",
        ),
        pytest.param(
            "1.加大简政放权力度。(牵头单位:州行政审批服务局;责任单位:州司法局、各县市人民政府,6月底完成)",
            [("州行政审批服务局", L), ("州司法局", R), ("各县市人民政府", R)],
            id="time-after-labelled-names",
        ),
        pytest.param(
            "某市档案馆2021年工作方案\n一、主要任务\n(一)征集口述档案.市档案馆征集科负责,各县档案馆配合.",
            [("市档案馆征集科", R), ("各县档案馆", S)],
            id="half-width-stop-before-the-names",
        ),
        pytest.param(
            "某市档案馆2021年工作方案\n一、主要任务\n(一)推广经验做法.年底前编印案例选编.市档案馆办公室负责.",
            [("市档案馆办公室", R)],
            id="half-width-stop-after-the-work",
        ),
        pytest.param(
            "某县2023年营商环境指标任务表\n指标名称 | 目标值 | 责任单位 | 完成时限\n"
            "企业开办时间 | 1个工作日以内 | 县市场监管局 | 2023年6月底前\n"
            "抽查比例 | 不低于5% | 县市场监管局等县级执法部门 | 2023年11月30日前",
            [("县市场监管局", R)],
            id="table-cell-with-a-collective-after-deng",
        ),
    ],
)
def test_more_attribution_styles(text: str, expected: list[tuple[str, str]]) -> None:
    from plantrack.extract.pipeline import extract_text

    task = extract_text(text).plan.trackable()[-1]
    assert [(a.name, a.role.value) for a in task.agencies] == expected


def test_unbracketed_attribution_line() -> None:
    from plantrack.extract.pipeline import extract_text

    text = "某省重点任务分工方案\n1.地方一般公共预算收入增长5%左右。\n省财政厅牵头,各地、各部门配合。"
    task = extract_text(text).plan.trackable()[0]
    assert [(a.name, a.role.value) for a in task.agencies] == [("省财政厅", L), ("各地", S), ("各部门", S)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "(一)关于粮食安全的问题,由发展改革委会同中央农办、农业部、财政部等部门研究提出落实意见。",
            [("发展改革委", L), ("中央农办", S), ("农业部", S), ("财政部", S)],
            id="by-x-together-with-y",
        ),
        pytest.param(
            "(二)由国土资源部会同农业部等部门负责落实。",
            [("国土资源部", L), ("农业部", S)],
            id="by-x-together-with-y-responsible",
        ),
        pytest.param(
            "完成工业投资1200亿元以上。(牵头单位:市发改委;责任单位:各辖市、区人民政府)",
            [("市发改委", L), ("各辖市、区人民政府", R)],
            id="places-sharing-one-suffix",
        ),
    ],
)
def test_guowuyuan_and_county_styles(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text)
    assert found is not None
    assert [(a.name, a.role.value) for a in found.agencies] == expected


# 【牵头单位】…【配合单位】… tag lines closing an item: a line with no digit and a name ending in 委 or
# 单位 before a space once read as the issuer of a signature and was cut off.
TAG_LINES_CLOSING_AN_ITEM = [
    pytest.param(
        "某区2018年创建卫生城市任务清单\n一、环境整治\n1.餐饮油烟治理。完成油烟净化设施安装80家。\n"
        "【牵头单位】区环保局、区城管委 【完成时限】长期坚持",
        [("区环保局", L), ("区城管委", L)],
        id="lead-tag-then-an-ongoing-time-tag",
    ),
    pytest.param(
        "某区2018年创建卫生城市任务清单\n一、环境整治\n1.窗口服务提升。评选文明服务窗口20个。\n"
        "【牵头单位】区直机关工委 【配合单位】各窗口单位",
        [("区直机关工委", L), ("各窗口单位", S)],
        id="lead-and-support-tags-without-a-time-tag",
    ),
    pytest.param(
        "某县2019年农村人居环境整治任务清单\n一、村庄清洁\n1.垃圾收运。建成垃圾中转站3座。\n"
        "【责任单位】县住建局 【配合单位】各乡镇人民政府 【完成时限】常年开展",
        [("县住建局", R), ("各乡镇人民政府", S)],
        id="responsible-tag-then-a-year-round-time-tag",
    ),
    pytest.param(
        "某县2019年农村人居环境整治任务清单\n一、村庄清洁\n1.厕所改造。完成户厕改造500户。\n"
        "【牵头单位】县农业农村局 【配合单位】县卫健委\n2.污水治理。建成污水处理站4座。\n"
        "【牵头单位】县生态环境局 【配合单位】县水利局 【完成时限】年底前",
        [("县农业农村局", L), ("县卫健委", S)],
        id="tag-line-ending-in-wei-before-the-next-item",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TAG_LINES_CLOSING_AN_ITEM)
def test_tag_lines_closing_an_item(text: str, expected: list[tuple[str, str]]) -> None:
    from plantrack.extract.pipeline import extract_text

    task = extract_text(text).plan.trackable()[0]
    assert [(a.name, a.role.value) for a in task.agencies] == expected


# 责任处室:…;协同处室:… — a second label after a semicolon, made of a role word and a unit noun the
# label table did not list, once read into the first label's last name.
SECOND_LABEL_AFTER_A_SEMICOLON = [
    pytest.param(
        "1.开展农产品质量抽检。\n责任处室:农产品质量安全监管处;协同处室:各县(市、区)局",
        [("农产品质量安全监管处", R), ("各县(市、区)局", S)],
        id="responsible-office-then-cooperating-offices",
    ),
    pytest.param(
        "1.推进档案数字化。\n牵头科室:档案管理科;协助科室:信息技术科、办公室",
        [("档案管理科", L), ("信息技术科", S), ("办公室", S)],
        id="lead-section-then-assisting-sections",
    ),
    pytest.param(
        "1.清理拖欠农民工工资。\n主办处室:劳动监察处;参与处室:调解仲裁管理处",
        [("劳动监察处", L), ("调解仲裁管理处", S)],
        id="host-office-then-participating-office",
    ),
    pytest.param(
        "1.规范涉企收费。\n负责科室:价格监督检查科;协同股室:各分局",
        [("价格监督检查科", R), ("各分局", S)],
        id="responsible-section-then-cooperating-units",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_LABEL_AFTER_A_SEMICOLON)
def test_second_label_after_a_semicolon(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text)
    assert found is not None
    assert [(a.name, a.role.value) for a in found.agencies] == expected
