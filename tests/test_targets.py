from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.extract.targets import find_targets, read_targets
from plantrack.lang import comparators, target_words, units
from plantrack.models import Op

Row = tuple[float, str, str, int | None]  # value, unit, op, parent


def _got(text: str) -> list[Row]:
    return [(t.value, t.unit, t.op.value, t.parent) for t in find_targets(text)]


# --- cases from real notices (hand-checked gold annotations) ---------------------------------------
REAL: list[tuple[str, str, list[Row]]] = [
    (
        "jian-2017-transfer",
        "完成新增转移农村劳动力6.04万人,其中省内新增转移4.26万人,家庭服务业新增从业人员1.725万人。加强中心城镇与贫困乡农村劳动力供需对接。",
        [(60400, "人", "=", None), (42600, "人", "=", 0), (17250, "人", "=", 0)],
    ),
    (
        "jian-2017-training",
        "继续落实“十三五”时期农民工职业技能培训年度综合计划。培训省内工业园区员工2.99万人、家庭服务业从业人员0.66万人、创业培训1.3万人。",
        [(29900, "人", "=", None), (6600, "人", "=", None), (13000, "人", "=", None)],
    ),
    ("jian-2017-insurance", "继续推进建筑企业参加工伤保险,新开工建筑项目100%参保。", [(100, "%", "=", None)]),
    (
        "ningxia-2023-share",
        "在政府投资重大工程项目中落实以工代赈吸纳农民工占比15%和劳务报酬占比30%的要求,为农民工提供更多就近就业机会。",
        [(15, "%", "=", None), (30, "%", "=", None)],
    ),
    (
        "ningxia-2023-training",
        "聚焦全区乡村振兴重点帮扶县区、移民安置区,培训脱贫劳动力4000人以上,培养“乡村建设带头工匠”500人以上。",
        [(4000, "人", ">=", None), (500, "人", ">=", None)],
    ),
    ("lishan-2023-gdp", "1.努力实现地区生产总值增长6.2%左右。", [(6.2, "%", "~", None)]),
    ("lishan-2023-industry", "2.规模上工业增加值增长5%左右。", [(5, "%", "~", None)]),
    ("jiaxing-2023-gdp", "地区生产总值增长6%左右。", [(6, "%", "~", None)]),
    (
        "yunnan-2022-grain",
        "确保2022年全省粮食播种面积稳定在6287万亩以上、产量稳定在1930万吨以上。挖掘粮食生产潜能,推广杂交稻旱种50万亩,"
        "大力发展冬早马铃薯、鲜食玉米。开展粮食生产绿色高质高效示范创建行动,建设稻谷、玉米、马铃薯示范基地各10万亩。",
        [
            (62870000, "亩", ">=", None),
            (19300000, "吨", ">=", None),
            (500000, "亩", "=", None),
            (100000, "亩", "=", None),
        ],
    ),
    (
        "mohrss-2013-employment",
        "努力完成城镇新增就业900万人以上、失业人员再就业500万人、就业困难人员就业120万人、城镇登记失业率控制在4.6%以内的目标任务。",
        [
            (9000000, "人", ">=", None),
            (5000000, "人", "=", None),
            (1200000, "人", "=", None),
            (4.6, "%", "<=", None),
        ],
    ),
    ("jiaxing-2023-cut-off", "研发投入强度达到3.", []),
]

# --- cases written in the same style -----------------------------------------------------------------
STYLE: list[tuple[str, str, list[Row]]] = [
    ("growth-over-last-year", "地区生产总值比上年增长7%左右。", [(7, "%", "~", None)]),
    ("plain", "完成新增转移农村劳动力6.04万人。", [(60400, "人", "=", None)]),
    ("at-least-suffix", "培训4000人以上", [(4000, "人", ">=", None)]),
    ("not-less-than", "全年培训农民工不少于5000人次", [(5000, "人次", ">=", None)]),
    ("not-below", "劳动合同签订率不低于95%", [(95, "%", ">=", None)]),
    ("at-least", "新建就业帮扶车间至少10个", [(10, "个", ">=", None)]),
    ("reach-above", "农民工参保率达到90%以上", [(90, "%", ">=", None)]),
    ("within", "城镇调查失业率控制在5.5%以内", [(5.5, "%", "<=", None)]),
    ("control-at", "城镇登记失业率控制在4.5%", [(4.5, "%", "<=", None)]),
    (
        "not-more-than",
        "欠薪案件结案时间不超过30天,投诉处理率不超过5%",
        [(30, "天", "<=", None), (5, "%", "<=", None)],
    ),
    ("about-prefix", "新增城镇就业约3万人", [(30000, "人", "~", None)]),
    ("more-than-yu", "帮助2.1万余名农民工就业", [(21000, "名", ">", None)]),
    ("more-than-duo", "新增市场主体395万多户", [(3950000, "户", ">", None)]),
    ("exceed", "全年技能培训超过1万人次", [(10000, "人次", ">", None)]),
    (
        "chinese-numerals",
        "培训农民工两千余人,新建公益性岗位一万二千个",
        [(2000, "人", ">", None), (12000, "个", "=", None)],
    ),
    ("chinese-percent", "就业率达到百分之八十五以上", [(85, "%", ">=", None)]),
    ("coverage-fraction", "服务网点覆盖三分之二以上的县", [(pytest.approx(200 / 3), "%", ">=", None)]),
    ("percentage-point", "城镇登记失业率下降0.5个百分点", [(0.5, "个百分点", "=", None)]),
    (
        "money",
        "发放创业担保贷款5亿元,带动就业1.2万人",
        [(500000000, "元", "=", None), (12000, "人", "=", None)],
    ),
    ("thousands-separator", "全年培训农民工12,000人", [(12000, "人", "=", None)]),
    (
        "multiplier-before-unit-with-qian",
        "新增装机容量3千瓦,建设1千米道路",
        [(3, "千瓦", "=", None), (1, "千米", "=", None)],
    ),
    (
        "breakdown-ends-at-sentence",
        "新增就业1万人,其中农民工6000人。培训8000人。",
        [(10000, "人", "=", None), (6000, "人", "=", 0), (8000, "人", "=", None)],
    ),
    (
        "breakdown-in-an-earlier-sentence",
        "新增就业1万人,其中农民工过半。培训8000人。",
        [(10000, "人", "=", None), (8000, "人", "=", None)],
    ),
    (
        "breakdown-after-sentence-end",
        "新增就业1万人。其中农民工6000人。",
        [(10000, "人", "=", None), (6000, "人", "=", 0)],
    ),
    ("breakdown-other-unit", "新增就业1万人,其中就业率95%", [(10000, "人", "=", None), (95, "%", "=", None)]),
    ("space-before-unit", "培训农民工4000 人以上", [(4000, "人", ">=", None)]),
    ("on-current-basis", "在现有基础上新增城镇就业1万人", [(10000, "人", "=", None)]),
    ("inclusive-note", "培训人数500人(含)以上", [(500, "人", ">=", None)]),
    (
        "breakdown-person-times",
        "开展职业技能培训10万人次以上,其中农民工培训6万人次。",
        [(100000, "人次", ">=", None), (60000, "人次", "=", 0)],
    ),
    (
        "breakdown-list",
        "完成造林绿化面积5万亩,其中人工造林2万亩、封山育林3万亩。",
        [(50000, "亩", "=", None), (20000, "亩", "=", 0), (30000, "亩", "=", 0)],
    ),
    ("jin", "粮食产量保持在600亿斤以上", [(60000000000, "斤", ">=", None)]),
    ("share-of-places", "确保全市100%的乡镇建成劳动保障服务站", [(100, "%", "=", None)]),
    (
        "events-and-jobs",
        "举办专场招聘会20场以上,提供就业岗位1万个以上。",
        [(20, "场", ">=", None), (10000, "个", ">=", None)],
    ),
    (
        "money-and-people",
        "全年发放创业担保贷款3亿元以上,扶持创业2000人,带动就业6000人。",
        [(300000000, "元", ">=", None), (2000, "人", "=", None), (6000, "人", "=", None)],
    ),
]

# --- numbers that are not targets ---------------------------------------------------------------------
NOT_TARGETS: list[tuple[str, str]] = [
    ("years", "2017年吉安市农民工工作的总体要求是:全面贯彻党的十八大精神"),
    ("dates", "2021年5月1日起按照省级统筹工伤保险行业基准费率标准有关规定执行"),
    ("ordinal", "按照国务院和省政府要求组织开展第十一次全国农民工工作督察"),
    ("ordinal-batch", "认定第一批就业帮扶车间,公布第2批名单"),
    ("hotlines", "发挥人社系统“12333”、司法行政系统“12348”和工会系统“12351”热线电话作用"),
    ("hotline-plain", "畅通12333咨询服务热线,咨询电话:0951-12333"),
    (
        "title",
        "各地按照《江西省贯彻落实国务院办公厅推动1亿非户籍人口在城市落户实施方案》要求,抓好各项政策的落实。",
    ),
    ("programme-quote", "及时纳入就业援助台账,实施“一人一档一策”,享受“131”就业帮扶。"),
    ("programme-plus", "根据全市应急管理工作(“1+5”)总体部署"),
    ("five-year-plan", "继续落实“十三五”时期农民工职业技能培训年度综合计划,十四五期间持续推进"),
    ("residence", "全面放开放宽在城镇就业居住1年以上和举家迁徙的农业转移人口的落户限制"),
    (
        "eligibility-small-firms",
        "在职职工总数30人(含)以下的企业暂免征收残疾人保障金,实施期限至2022年12月31日",
    ),
    ("eligibility-firms", "对参保职工30人以上的企业,裁员率放宽到上年度全国城镇调查失业率控制目标"),
    ("validity", "实施阶段性降低用人单位基本医疗保险缴费费率政策,实施期限至2021年12月31日。"),
    ("rate-cut-policy", "2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。"),
    ("refund-rate", "对大型企业按企业及其职工上年度实际缴纳失业保险费的30%返还;"),
    ("layoff-rate", "对参保职工30人(含)以下的企业,裁员率放宽到不超过企业职工总数20%;"),
    ("subsidy-per-person", "对参加培训的农民工每人补贴1000元"),
    ("subsidy-standard", "按每人每月500元标准给予岗位补贴"),
    ("one-off-subsidy", "对符合条件的返乡创业农民工给予一次性创业补贴5000元。"),
    ("one-off-reward", "对吸纳建档立卡贫困劳动力就业的企业,按每人1000元给予一次性奖补。"),
    ("loan-limit", "个人创业担保贷款额度最高不超过20万元,贷款期限不超过3年。"),
    ("share-of-base", "农民工工资保证金按工程合同价款的2%存储。"),
    ("document-items", "现将《规划》中明确提出的9项具体建设任务和7项重点建设项目进行责任分解。"),
    ("item-count", "“十三五”应急体系9个具体建设任务"),
    ("anniversary", "2023年是“八八战略”实施20周年和嘉兴撤地建市40周年。"),
    ("anniversary-2", "以井冈山革命根据地创建90周年为契机"),
    (
        "past-as-of",
        "截至2015年12月,在全省农民工入会集中行动中,新组建工会1万余家,新发展农民工会员59.77万人,"
        "全省农民工会员达395万多人;",
    ),
    ("past-existing", "据悉,湖南省现有农民工1470万人。"),
    ("past-last-year", "上年全市新增就业1.1万人。"),
    ("session-after-jie", "既是省委十三届十五次全会精神的细化,必须不折不扣抓好落实。"),
    ("definition-in-brackets", "对中小微工业企业(指从业人员≤1000人或营业收入≤4亿元的工业企业)给予补助。"),
    ("subsidy-amount-cap", "单家企业合计补助金额不超过50万元。"),
    ("size-rule-with-exclusion", "辖区范围内6亩以下(不含6亩)的土地使用转让手续,区政府审查后办理。"),
    ("count-of-measures", "要落实十五条硬措施,确保取得实效。"),
    ("doc-number", "根据《国务院关于激发重点群体活力带动城乡居民增收的实施意见》(国发〔2016〕56号)精神"),
    ("doc-number-reference", "根据省政府57号文件"),
    ("durations", "确保5个工作日内办结,3个月内完成,用1年时间"),
    ("single-chinese-digit", "集中曝光一批典型案件,建立一户一产业工人,落实三项制度"),
    ("news-parts", "最新印发的《要点》共分六大类共26项"),
    ("hidden-units", "人社部发〔2023〕8号,宁ICP备10000951号-3,邮编:750001"),
    ("place-names", "吉安市城南中心大道市行政中心C区五楼"),
]

# --- shapes seen on notices the parser was not built on (issue 10; invented text) -------------------
UNSEEN: list[tuple[str, str, list[Row]]] = [
    ("hours-bound", "企业开办时间压缩至2小时以内", [(2, "小时", "<=", None)]),
    ("minutes-bound", "群众办事平均等候时间不超过20分钟", [(20, "分钟", "<=", None)]),
    ("working-days", "工程建设项目审批时间压减至60个工作日", [(60, "个工作日", "=", None)]),
    ("days-bound", "不动产登记办理时间缩短到3天", [(3, "天", "=", None)]),
    ("grade", "耕地质量平均提高0.5个等级", [(0.5, "个等级", "=", None)]),
    (
        "policies-issued-since",
        "全面落实疫情发生以来出台的各类政策,力争减轻企业各类负担20亿元",
        [(2_000_000_000, "元", "=", None)],
    ),
    ("made-count-above", "力争创办8家以上的党支部领办合作社", [(8, "家", ">=", None)]),
    ("class-size-above", "扶持吸纳30人以上的企业", []),
    ("distance-scope", "整治河道两侧50米范围内的违章搭建", []),
    (
        "distance-bound",
        "新建绿道12公里,站点间距控制在500米以内",
        [(12, "公里", "=", None), (500, "米", "<=", None)],
    ),
    ("age-bound", "人均预期寿命达79.5岁", [(79.5, "岁", "=", None)]),
    ("age-bound-above", "全县人均预期寿命达到80岁以上", [(80, "岁", ">=", None)]),
    ("age-names-people", "65岁以上老年人健康管理率达到70%", [(70, "%", "=", None)]),
    ("age-names-children", "每千人口拥有3岁以下婴幼儿托位数达4.5个", [(4.5, "个", "=", None)]),
    ("km", "新改建农村公路120公里", [(120, "公里", "=", None)]),
    ("square-metres", "新增城市绿地面积5万平方米以上", [(50000, "平方米", ">=", None)]),
    ("mu", "建成高标准农田1.2万亩", [(12000, "亩", "=", None)]),
    ("points", "城镇调查失业率比上年下降0.3个百分点", [(0.3, "个百分点", "=", None)]),
    ("households", "完成农村危房改造300户", [(300, "户", "=", None)]),
    ("schools", "新建、改扩建中小学5所", [(5, "所", "=", None)]),
    ("firms", "新培育规上工业企业20家", [(20, "家", "=", None)]),
    ("machines", "新建公共充电桩200台", [(200, "台", "=", None)]),
    ("flats", "筹集保障性租赁住房800套", [(800, "套", "=", None)]),
    ("less-than", "细颗粒物平均浓度小于35微克/立方米", [(35, "微克/立方米", "<=", None)]),
    ("lower-than", "城镇调查失业率低于5.5%", [(5.5, "%", "<=", None)]),
    ("not-higher-than", "单位产值能耗不高于0.45吨标准煤", [(0.45, "吨标准煤", "<=", None)]),
    ("not-lower-than", "空气质量优良天数比例不低于88%", [(88, "%", ">=", None)]),
    ("higher-than", "居民收入增长高于经济增长,增速高于6%", [(6, "%", ">=", None)]),
    ("strive-to-reach", "森林覆盖率力争达到45%", [(45, "%", ">=", None)]),
    ("percent-and-above", "规上工业增加值增长7.5%以上", [(7.5, "%", ">=", None)]),
    (
        "goal-label",
        "就业目标:城镇新增就业5000人以上,城镇调查失业率控制在5.5%以内。",
        [(5000, "人", ">=", None), (5.5, "%", "<=", None)],
    ),
    ("mixed-numeral", "全年培训农民工1万2千人", [(12000, "人", "=", None)]),
    ("chinese-decimal", "开展补贴性职业技能培训一点五万人次", [(15000, "人次", "=", None)]),
]
# Durations that are rules or habits, starting points, ranges and numerals that read two ways.
UNSEEN_NOT_TARGETS: list[tuple[str, str]] = [
    ("duty-hours", "实行24小时值班制度,确保5个工作日内办结"),
    ("campaign-length", "开展为期30天的集中整治"),
    ("baseline", "审批时限由20个工作日"),
    ("ambiguous-numeral", "培训一万二人"),
    ("ambiguous-mixed", "培训2万5人"),
    ("natural-gas", "新增天然气用户"),
    ("another-documents-items", "聚焦国家“十四五”规划102项重大工程,梳理筛选具备一定收益水平的项目"),
]


# --- probe pages (invented notices in the shapes sites publish): a number that says which things count
# is no target, a comparator reaches its number across a verb or a list, a duration needs the time it
# bounds, and a range gives both bounds --------------------------------------------------------------
PROBE_SHAPES: list[tuple[str, str, list[Row]]] = [
    ("count-of-times-kept-whole", "各级媒体刊发政策解读稿件不少于300条次", [(300, "条次", ">=", None)]),
    ("count-of-times-posts", "政务新媒体推送惠企信息2000篇次以上", [(2000, "篇次", ">=", None)]),
    ("rate-change-in-points", "贷款平均利率较上年下降0.2个百分点", [(0.2, "个百分点", "=", None)]),
    ("policy-rate-cut-is-a-rule", "阶段性下调工伤保险费率1个百分点", []),
    ("size-class-head", "新培育存栏1000头以上生猪规模养殖场20个", [(20, "个", "=", None)]),
    ("size-class-money", "全年实施1000万元以上工业技改项目80个", [(80, "个", "=", None)]),
    (
        "size-class-money-other-unit",
        "其中5亿元以上项目3个,实际利用外资2.5亿美元",
        [(3, "个", "=", None), (250000000, "美元", "=", None)],
    ),
    ("size-class-village", "新建改建通组道路40公里,实现30户以上自然村通硬化路", [(40, "公里", "=", None)]),
    ("size-class-class", "全面消除66人以上超大班额,大班额比例降至1%以下", [(1, "%", "<=", None)]),
    ("size-before-the-things-counted", "扶持100户以上脱贫户发展庭院经济", [(100, "户", ">=", None)]),
    ("size-before-people-counted", "带动5000人以上农村劳动力就近就业", [(5000, "人", ">=", None)]),
    ("count-before-noun-stays", "年底前完成800个以上村庄整治建设", [(800, "个", ">=", None)]),
    ("rate-base", "确保零就业家庭实现1户1人以上就业", [(1, "人", ">=", None)]),
    ("count-then-size", "新建3个5000平方米的冷链仓储中心", [(3, "个", "=", None)]),
    ("quota-after-comparator", "每个乡镇组建不少于20人的森林防火队伍", [(20, "人", ">=", None)]),
    ("eligibility-after-comparator", "对吸纳不少于30人的企业给予奖励", []),
    ("adverb-before-verb", "各乡镇每年至少组织3次应急疏散演练", [(3, "次", ">=", None)]),
    ("adverb-before-object", "每个小区至少配备专职物业管理员2名", [(2, "名", ">=", None)]),
    ("comparative-before-share", "骨干教师交流比例不低于交流总数的20%", [(20, "%", ">=", None)]),
    ("share-bounded-by-comparator", "劳务报酬发放比例不低于项目中央资金的30%", [(30, "%", ">=", None)]),
    ("capacity-per-year", "新增危险废物利用处置能力3万吨/年", [(30000, "吨/年", "=", None)]),
    ("share-of-own-task", "6月底前完成年度造林任务的60%以上", [(60, "%", ">=", None)]),
    ("share-of-own-task-plain", "9月底前完成全年改造任务的75%", [(75, "%", "=", None)]),
    (
        "list-shares-unit",
        "不动产登记办理时限分别控制在5个、3个工作日以内",
        [(5, "个工作日", "<=", None), (3, "个工作日", "<=", None)],
    ),
    (
        "list-shares-suffix",
        "生猪、家禽出栏量分别达到120万头、3000万只以上",
        [(1200000, "头", ">=", None), (30000000, "只", ">=", None)],
    ),
    (
        "poultry-counted-in-yu",
        "年上市生猪1.8万头,肉用禽70万羽,鲜蛋2000吨",
        [(18000, "头", "=", None), (700000, "羽", "=", None), (2000, "吨", "=", None)],
    ),
    (
        "list-shares-prefix",
        "县、乡两级应急队伍分别不少于40人、15人",
        [(40, "人", ">=", None), (15, "人", ">=", None)],
    ),
    (
        "list-without-comparator",
        "分别新增城镇就业5000人、3000人",
        [(5000, "人", "=", None), (3000, "人", "=", None)],
    ),
    # a verb that cuts a time commits to the duration even when no time word is written
    (
        "duration-cut-in-list",
        "一般登记、抵押登记业务分别压缩至5个、2个工作日以内办结",
        [(5, "个工作日", "<=", None), (2, "个工作日", "<=", None)],
    ),
    ("duration-cut-without-time", "企业注销全流程压缩至3个工作日", [(3, "个工作日", "=", None)]),
    ("duration-shortened-within", "施工许可审批全链条缩短到10个工作日以内", [(10, "个工作日", "<=", None)]),
    ("duration-bounded-not-cut", "群众来信一律控制在5个工作日以内办结", []),
    ("duration-cut-bare-within", "不动产转移登记全流程压缩至1个工作日内", [(1, "个工作日", "<=", None)]),
    ("duration-shortened-bare-within", "工程建设项目审批时间缩短至30天内", [(30, "天", "<=", None)]),
    ("duration-bare-within-not-cut", "对群众反映的问题5个工作日内办结", []),
    ("duration-of-indicator", "重污染天数。同比减少3天。", [(3, "天", "=", None)]),
    ("hotline-with-people", "畅通12345政务服务热线,来电接通率达到98%以上", [(98, "%", ">=", None)]),
    ("hotline-12333", "用好12333人社服务热线", []),
    ("signing-not-about", "完成棚户区征收签约2000户", [(2000, "户", "=", None)]),
    ("payment-rate", "城乡居民医保缴费率保持在95%以上", [(95, "%", ">=", None)]),
    (
        "mixed-hundreds",
        "引进高层次人才2千5百人,淘汰老旧车辆3千2百辆",
        [(2500, "人", "=", None), (3200, "辆", "=", None)],
    ),
    ("range-both-bounds", "每个乡镇打造3—5个美丽庭院示范村", [(3, "个", ">=", None), (5, "个", "<=", None)]),
    ("range-percent", "地区生产总值增长5%—6%", [(5, "%", ">=", None), (6, "%", "<=", None)]),
    ("range-shared-multiplier", "带动2-3万人就业", [(20000, "人", ">=", None), (30000, "人", "<=", None)]),
    # an assessment's scoring rule counts shortfalls, it commits to nothing
    ("deduction-per-shortfall", "查阅巡查记录,每少1次扣0.5分", []),
    (
        "deduction-per-open-case",
        "整改销号率达到100%。考核方式:每有1个问题未销号扣2分",
        [(100, "%", "=", None)],
    ),
    ("deduction-per-finding", "每发现1处违规搭建扣1分,完成拆除30处", [(30, "处", "=", None)]),
    ("bonus-points", "全年刊发信息不少于10篇,被省级采用1篇加2分", [(10, "篇", ">=", None)]),
    # a rate keeps its time unit, a count of archives its own unit
    # a strict comparison + number + 的 + noun is a class of things (a threshold), not a goal
    (
        "threshold-class-then-goal",
        "对自动喷水系统完好率低于85%的商场挂牌督办,年底前完好率提升至95%以上",
        [(95, "%", ">=", None)],
    ),
    ("threshold-count-class", "对在校生少于100人的农村小规模学校实施提质改造", []),
    # a shortfall (不足, 未达到) is a condition on which things count, never a goal
    (
        "shortfall-share-then-goal",
        "对床位使用率未达到40%的敬老院挂牌整改,年底前使用率提高到60%以上",
        [(60, "%", ">=", None)],
    ),
    ("shortfall-amount-class", "村级集体经济年收入不足5万元的村纳入重点帮扶", []),
    ("shortfall-then-rule", "参训学时不足40学时的,不予结业", []),
    ("shortfall-age", "对不满16周岁的未成年人实行重点关爱", []),
    ("threshold-above-class", "对能耗高于2吨标准煤的企业开展节能诊断", []),
    ("lower-than-goal-stays", "城镇调查失业率低于5.5%", [(5.5, "%", "<=", None)]),
    ("lower-than-goal-noun-stays", "万元产值能耗低于0.5吨标准煤的目标", [(0.5, "吨标准煤", "<=", None)]),
    ("quota-not-below-stays", "组建不少于15人的应急抢险分队", [(15, "人", ">=", None)]),
    # a ceiling or 超过 qualifying a noun is a condition too; the size of what is set up stays a target
    (
        "ceiling-class-then-goal",
        "单户授信不超过1000万元的小微企业贷款余额增长15%以上",
        [(15, "%", ">=", None)],
    ),
    ("above-class", "支持年营业收入超过2000万元的物流企业上云用数", []),
    ("above-goal-stays", "全年新增市场主体超过3000户", [(3000, "户", ">", None)]),
    ("fund-size-modifier", "设立规模10亿元的县乡村振兴产业基金", [(1000000000, "元", "=", None)]),
    ("capacity-per-day", "新增供水规模1.5万立方米/日", [(15000, "立方米/日", "=", None)]),
    ("sewage-per-day", "新增污水处理能力2000吨/日", [(2000, "吨/日", "=", None)]),
    (
        "archive-volumes-and-frames",
        "完成馆藏档案数字化扫描2万卷、800万画幅",
        [(20000, "卷", "=", None), (8000000, "画幅", "=", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [r[1:] for r in PROBE_SHAPES], ids=[r[0] for r in PROBE_SHAPES]
)
def test_probe_shapes(text: str, expected: list[Row]) -> None:
    assert _got(text) == expected


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in UNSEEN], ids=[r[0] for r in UNSEEN])
def test_unseen_shapes(text: str, expected: list[Row]) -> None:
    assert _got(text) == expected


@pytest.mark.parametrize("text", [r[1] for r in UNSEEN_NOT_TARGETS], ids=[r[0] for r in UNSEEN_NOT_TARGETS])
def test_unseen_not_targets(text: str) -> None:
    assert _got(text) == []


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("每个街道建设3至5个以上示范点", ["3至5个以上"]),  # a range with a comparator: which end?
        ("每个街道建设3至5个示范点", []),  # read as two bounds
        ("培训一万二人", ["一万二人"]),
        ("培训2万5人", ["2万5人"]),
        ("培训1万2千人", []),
        ("按每人每月500元标准给予岗位补贴,每户补助3至5千元", []),  # a rule, not a range to review
    ],
)
def test_ranges_and_ambiguous_numerals_are_listed_for_review(text: str, unread: list[str]) -> None:
    assert read_targets(text).unread == unread


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in REAL], ids=[r[0] for r in REAL])
def test_real_notices(text: str, expected: list[Row]) -> None:
    assert _got(text) == expected


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in STYLE], ids=[r[0] for r in STYLE])
def test_style(text: str, expected: list[Row]) -> None:
    assert _got(text) == expected


@pytest.mark.parametrize("text", [r[1] for r in NOT_TARGETS], ids=[r[0] for r in NOT_TARGETS])
def test_not_targets(text: str) -> None:
    assert _got(text) == []


# --- metric and printed phrase ------------------------------------------------------------------------
METRICS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "完成新增转移农村劳动力6.04万人,其中省内新增转移4.26万人,家庭服务业新增从业人员1.725万人。",
        [
            ("新增转移农村劳动力", "新增转移农村劳动力6.04万人"),
            ("省内新增转移", "省内新增转移4.26万人"),
            ("家庭服务业新增从业人员", "家庭服务业新增从业人员1.725万人"),
        ],
    ),
    (
        "培训省内工业园区员工2.99万人、家庭服务业从业人员0.66万人、创业培训1.3万人。",
        [
            ("省内工业园区员工", "省内工业园区员工2.99万人"),
            ("家庭服务业从业人员", "家庭服务业从业人员0.66万人"),
            ("创业培训", "创业培训1.3万人"),
        ],
    ),
    (
        "确保2022年全省粮食播种面积稳定在6287万亩以上、产量稳定在1930万吨以上。",
        [("粮食播种面积", "粮食播种面积稳定在6287万亩以上"), ("产量", "产量稳定在1930万吨以上")],
    ),
    ("培养“乡村建设带头工匠”500人以上", [("乡村建设带头工匠", "“乡村建设带头工匠”500人以上")]),
    ("1.努力实现地区生产总值增长6.2%左右。", [("地区生产总值增长", "地区生产总值增长6.2%左右")]),
    ("城镇登记失业率控制在4.6%以内", [("城镇登记失业率", "城镇登记失业率控制在4.6%以内")]),
    ("帮助2.1万余名农民工就业", [("农民工就业", "帮助2.1万余名")]),
    ("6.04万人", [("", "6.04万人")]),
    ("粮食产量保持在600亿斤以上", [("粮食产量", "粮食产量保持在600亿斤以上")]),
    ("确保全市100%的乡镇建成劳动保障服务站", [("乡镇建成劳动保障服务站", "100%")]),
    (
        "进一步加大对农村劳动力转移就业和返乡创业人员的技能培训与就业服务支持力度,全市新增转移就业农村劳动力1万人",
        [("新增转移就业农村劳动力", "新增转移就业农村劳动力1万人")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), METRICS, ids=[m[0][:12] for m in METRICS])
def test_metric_and_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.metric, t.text) for t in find_targets(text)] == expected


def test_metric_is_short() -> None:
    text = (
        "围绕县域重点产业和城镇化建设加快培育就业帮扶车间家庭农场农民合作社等新型农业经营主体吸纳农民工1万人"
    )
    (target,) = find_targets(text)
    assert 0 < len(target.metric) <= target_words.METRIC_MAX_CHARS
    assert target.metric.endswith("农民工")


def test_op_is_enum() -> None:
    assert find_targets("培训4000人以上")[0].op is Op.ge


# --- the tables ---------------------------------------------------------------------------------------
def test_tables_compile_and_are_consistent() -> None:
    for p in (
        *target_words.PROTECTED_SPANS,
        *target_words.CLAUSE_BLOCKERS,
        target_words.SHARE_OF_BASE,
        *target_words.PAST_MARKERS,
        target_words.ITEM_COUNT_AFTER,
        *target_words.METRIC_DROP_START,
    ):
        re.compile(p)
    ops = {o.value for o in Op}
    assert set(comparators.SUFFIX_OPS.values()) | set(comparators.PREFIX_OPS.values()) <= ops
    assert set(comparators.ABOUT_MARKS.values()) <= ops == comparators.OPS
    assert len(units.UNITS) == len(set(units.UNITS))
    assert not set(units.NOT_UNITS) & set(units.UNITS)
    assert all(any(n.startswith(u) for u in units.UNITS) for n in units.NOT_UNITS)


# --- robustness ---------------------------------------------------------------------------------------
_ALPHABET = (
    "0123456789.,%万亿千百十一二两三五零人个项元亩以上下内左右余多约第年月日底前《》“”〔〕()、,;。其中的每 \n"
)


def _targets_have_text(text: str) -> None:
    for t in find_targets(text):
        assert t.text


def _targets_are_well_formed(text: str) -> None:
    targets = find_targets(text)
    for i, t in enumerate(targets):
        assert t.parent is None or 0 <= t.parent < i
        assert t.value == t.value  # not NaN


# Each property twice: a few examples in the fast lane, many in the slow set.
@settings(max_examples=30, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _targets_have_text(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_many_texts(text: str) -> None:
    _targets_have_text(text)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_never_raises_on_number_soup(text: str) -> None:
    _targets_are_well_formed(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_never_raises_on_much_number_soup(text: str) -> None:
    _targets_are_well_formed(text)


@pytest.mark.slow
def test_megabyte_of_hostile_text() -> None:
    """Long runs of digits, brackets, 、 and 万 must not make any pattern backtrack without end."""
    chunks = [
        "1" * 300_000,
        "1.1" * 50_000,
        "《" * 50_000,
        "“" * 50_000,
        "、" * 50_000,
        "万" * 50_000,
        "第" * 20_000,
        "1," * 50_000,
        "〔2016〕" * 10_000,
        "6.04万人、" * 10_000,
        "一二三四五六七八九十" * 5_000,
        "(含)" * 10_000,
        "每人" * 10_000,
    ]
    text = "".join(chunks)
    assert len(text) >= 1_000_000
    targets = find_targets(text)
    assert all(t.unit for t in targets)


@pytest.mark.parametrize(
    ("line", "value", "unit", "op"),
    [
        ("新培育农民专业合作社不少于 8 家，乡经管站负责。", 8, "家", Op.ge),
        ("易地搬迁入住率达到 90% 以上，年底前完成。", 90, "%", Op.ge),
        ("全年能耗总量控制在 5.2 万吨标准煤以内。", 52000, "吨标准煤", Op.le),
    ],
)
def test_a_comparator_a_space_away_from_its_number_still_counts(
    line: str, value: float, unit: str, op: Op
) -> None:
    from plantrack.extract.pipeline import extract

    plan = extract(f"某乡2021年重点工作安排\n一、重点任务\n1. 推进工作。{line}\n")
    targets = [(t.value, t.unit, t.op) for task in plan.tasks for t in task.targets]
    assert targets == [(value, unit, op)]
