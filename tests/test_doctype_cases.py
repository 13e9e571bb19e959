"""Plan or not: refusal needs positive evidence that a page is something else. Invented pages of
the shapes seen on real sites (failure kind 1 of issue 10)."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.pipeline import extract_text

PLANS = {
    # the plan shown under its cover notice, a download link for it at the bottom: a plan
    "plan-shown-and-a-download": """某县人民政府办公室关于印发某县2024年农村公路养护工作方案的通知
现将《某县2024年农村公路养护工作方案》印发给你们，请认真贯彻执行。
某县2024年农村公路养护工作方案
一、实施农村公路养护工程。全年完成农村公路养护里程200公里，10月底前完工。（县交通运输局负责）
二、开展路域环境整治。清理路肩堆积物，年底前实现整治全覆盖。（各乡镇人民政府负责）
附件：某县2024年农村公路养护工作方案.docx
""",
    # a group set up and its plan handed over in one notice: the plan is extracted
    "set-up-with-a-plan": """某县人民政府办公室关于成立创卫工作领导小组并印发某县创建国家卫生县城实施方案的通知
一、领导小组组成人员
组长：林志强　县长
成员：许志勇　县卫健局局长
二、重点任务
（一）开展城乡环境卫生整治。9月底前完成背街小巷整治30条。（县城管局牵头）
（二）加强病媒生物防制。全年开展集中灭鼠4次。（县卫健局负责）
""",
    # the draft itself, published for comments: a plan
    "draft-for-comments": """某区2024年城市更新行动实施方案（征求意见稿）
一、重点任务
（一）实施老旧小区改造。全年改造老旧小区30个，6月底前全部开工。（区住建局牵头）
（二）整治背街小巷。完成背街小巷整治20条。（区城管局负责）
""",
    "starts-mid-document": """（接上页）
（五）加强督促检查。县政府督查室每季度对各项任务推进情况开展督查。（县政府办负责）
（六）严格考核问责。将任务完成情况纳入年度综合考核。（县委组织部、县考核办负责）
""",
    "first-number-five": """（五）推进农村危房改造。年底前完成农村危房改造300户。（县住建局负责）
（六）实施饮水安全巩固提升工程。（县水利局负责）
（七）开展人居环境整治。（县农业农村局牵头,各乡镇配合）
""",
    "first-number-three-arabic": """3.完善社会救助制度。健全低保对象动态管理机制，6月底前完成低保对象复核。
4.提升养老服务水平。新建社区养老服务站5个。
""",
    "one-item": """某市民政局2024年工作要点
一、兜牢民生保障底线。全年城乡低保标准提高5%以上，年底前实现特困人员应养尽养。
""",
    "two-items": """某县卫生健康局2024年工作安排
1.推进紧密型县域医共体建设。9月底前完成医共体总院挂牌。
2.开展基层医疗机构能力提升行动。新建村卫生室标准化建设点20个。
""",
    "division-by-unit": """某市2024年社会救助工作任务分工
（十四）市民政局。负责完善社会救助制度，健全低收入人口动态监测机制；配合做好救助资金绩效评价。
（十五）市财政局。负责落实社会救助资金保障；配合做好资金监管。
""",
    "work-sense-research-summary": """某区2024年营商环境优化工作方案
一、工作任务
1.开展专题调研。6月底前开展一次营商环境专题调研，形成调研报告。（区发改局负责）
2.通报完成情况。每季度汇总各单位任务完成情况，报区政府。（区政府办负责）
3.做好年度总结。12月底前总结全年工作，提出下一年度工作建议。（区发改局负责）
""",
    "news-word-in-a-plan-title": """关于印发《某县2024年新闻出版工作要点》的通知
各乡镇人民政府，县直各单位：
现将《某县2024年新闻出版工作要点》印发给你们，请认真贯彻落实。
一、加强新闻宣传阵地建设。年底前建成县级融媒体中心。（县委宣传部负责）
二、推进全民阅读。开展全民阅读活动50场以上。（县文旅局负责）
""",
    "site-news-menu-and-source-line": """首页 > 新闻中心 > 通知公告
来源：县政府办公室 发布时间：2024-03-01
为确保全年目标任务落实情况可查可考，结合我县实际，现将有关事项安排如下。
一、加快项目建设。年底前完成重点项目投资20亿元。
二、抓好招商引资。全年引进亿元以上项目10个。
""",
    "genre-words-in-unnumbered-headings": """某局2024年政务公开工作要点
深化政策解读形式
1.积极做好政策解读工作，提升解读质量。（办公室负责）
规范信息公开工作年度报告
2.1月底前编制发布上年度政府信息公开工作年度报告。（办公室负责）
做好年度工作总结
3.12月底前总结全年政务公开工作。（各科室负责）
""",
    "indicator-table-without-numbers": """某县2024年就业工作主要指标任务分解
指标名称 | 年度目标 | 责任单位 | 配合单位
城镇新增就业 | 5000人以上 | 县人社局 | 各乡镇
城镇调查失业率 | 控制在5.5%以内 | 县人社局 | 县统计局
农村劳动力转移就业 | 8000人 | 县农业农村局 | 县人社局
""",
    "division-numbered-colon": """某县2024年乡村振兴重点任务分工
1.县农业农村局：负责统筹推进乡村振兴各项工作；配合做好农村人居环境整治。
2.县财政局：负责落实乡村振兴资金保障。
3.县住建局：负责农村危房改造，年底前完成200户。
""",
    "continued-page-number": """（接上页）
做好农民工返乡创业服务，年底前新建返乡创业园2个。
3.加强职业技能培训。全年开展职业技能培训5000人次。（县人社局负责）
4.完善社会保障体系。（县医保局负责）
""",
    # a plan whose stages hold a meeting and whose preamble quotes a speech: still a plan
    "plan-with-a-meeting-in-its-stages": """某县2024年秸秆综合利用工作方案
为贯彻落实习近平总书记在讲话中强调的“绿水青山就是金山银山”理念，结合我县实际，制定本方案。
一、重点任务
（一）动员部署。4月15日，召开全县秸秆综合利用工作动员会，部署全年任务。（县农业农村局负责）
（二）推进离田利用。全年秸秆综合利用率达到95%以上。（县农业农村局牵头，各乡镇负责）
""",
    # a news site reposting the whole plan after its lede (…出台《…》，全文如下): the plan, byline or not
    "news-reposting-the-full-text": """云岭网 > 要闻 > 三农
某省出台实施意见：做好2023年乡村振兴重点工作
2023-03-02 09:12 作者：李明 来源：云岭日报
云岭网讯（记者 李明）2023年2月20日，某省委、省政府出台《关于做好2023年全面推进乡村振兴重点工作的实施意见》，全文如下。
一、全力抓好粮食生产
（一）稳定粮食播种面积。全省粮食播种面积稳定在4500万亩以上。
（二）加快高标准农田建设。年内新建高标准农田300万亩。
""",
}

OTHERS = {
    # a 印发 notice whose plan is only a file to download: its numbered points are the cover's 工作要求
    "plan-only-as-a-download": """首页 > 政务公开 > 政府文件
安溪县人民政府关于印发安溪县2024年民生实事项目实施方案的通知
安政〔2024〕5号
各乡（镇）人民政府，县直各单位：
《安溪县2024年民生实事项目实施方案》已经县政府常务会议研究通过，现印发给你们，请认真组织实施。
一、各牵头单位要细化工作措施，确保按期完成。
二、各责任单位于每季度末将项目进展情况报县政府办公室。
三、县政府督查室要加强跟踪督办，年底前组织开展考核评估。
附件：安溪县2024年民生实事项目实施方案（点击下载）
安溪县人民政府
2024年3月20日
""",
    # a leading group set up: a roster and standing duties, numbered, but not the year's work
    "leading-group-set-up": """某县人民政府办公室关于成立某县创建国家卫生县城工作领导小组的通知
各乡镇人民政府，县直各有关单位：
为切实加强对创建工作的组织领导，经县政府研究，决定成立领导小组。
一、领导小组组成人员
组　长：林志强　县长
副组长：陈国华　常务副县长
成　员：许志勇　县卫健局局长
　　　　林建新　县城管局局长
二、领导小组主要职责
（一）负责研究制定全县创建工作规划和年度计划。
（二）负责统筹协调解决创建工作中的重大问题。
三、有关要求
（一）各成员单位要确定1名联络员，于2024年5月10日前报领导小组办公室。
""",
    # a call for comments: its items say how to comment, the draft is only attached
    "call-for-comments": """关于公开征求《某区2024年城市更新行动实施方案（征求意见稿）》意见的公告
发布日期：2024-04-10　　来源：某区住房和城乡建设局
为增强决策的科学性和民主性，区住建局起草了征求意见稿，现向社会公开征求意见。
一、征求意见时间
2024年4月10日至2024年5月9日。
二、方案主要内容
提出6个方面18项重点任务，计划全年改造老旧小区30个。
三、意见反馈方式
1.电子邮件：发送至区住建局邮箱。
2.电话：0731-88123456。
""",
    # a table of what was done last year, with its 牵头单位 column: a report of results, not a plan
    "results-table-with-a-lead-column": """某县2024年民生实事项目完成情况汇总表
发布时间：2025-01-15　来源：县政府办
| 序号 | 项目名称 | 牵头单位 | 完成情况 |
| 1 | 新建城区幼儿园2所 | 县教育局 | 已完成，新增学位540个 |
| 2 | 改造农村公路60公里 | 县交通运输局 | 已完成，实际改造63公里 |
| 3 | 新增城市停车泊位1500个 | 县城管局 | 基本完成，完成1420个 |
""",
    # a headline reporting a meeting held, and what the meeting said: news without a byline
    "meeting-headline-and-what-it-said": """某市应急管理局召开2024年第二季度安全生产形势分析会
来源：某市应急管理局　发布时间：2024-07-05 16:20
7月4日，市应急管理局召开第二季度安全生产形势分析会，通报上半年全市安全生产情况。
会议指出，上半年全市共发生各类生产安全事故26起，同比下降18.8%。
会议要求：
一、紧盯汛期安全。各县区要在7月15日前完成汛期隐患再排查。
二、抓好重点行业领域。深入开展燃气、危化品等领域专项整治。
三、强化值班值守。严格落实24小时值班和领导带班制度。
""",
    "regulation-flattened": "某市人民政府办公室关于印发某市投资项目管理办法的通知 各县区人民政府,市政府各部门: "
    "现印发给你们,请认真贯彻执行。 某市投资项目管理办法 第一章 总 则 第一条 为加强投资项目管理,制定本办法。"
    " 第二条 本办法适用于政府投资建设项目。 第三条 市直行业主管部门是项目的责任主体。\n",
    "meeting-news": """全县经济工作会议召开 部署2025年重点任务
来源:某县融媒体中心 作者:记者 某某
会议指出,2024年全县经济运行稳中有进。会议强调,2025年要重点抓好以下工作:
一、全力扩大有效投资。全年实施重点项目200个以上。县发改委要牵头做好项目谋划储备。
二、扎实推进乡村全面振兴。新建高标准农田2.5万亩。县农业农村局牵头,各乡镇负责。
""",
    "news-dateline": """本报讯（记者 张明 通讯员 李华）近日，某县召开2024年民生实事推进会。
会议要求：
一、提高思想认识。各单位要高度重视民生实事工作。
二、加快项目进度。确保6月底前全部开工。
""",
    "speech": """在全县安全生产工作会议上的讲话
同志们：
今天召开会议，主要任务是总结去年工作，部署今年任务。
一、清醒认识当前安全生产形势
二、突出重点，狠抓落实
""",
    "statistical-bulletin": """2024年某市国民经济和社会发展统计公报
某市统计局
2025年3月18日
一、综合
全年全市地区生产总值1862.4亿元，比上年增长5.9%。
二、工业
（一）全年规模以上工业增加值增长7.1%。
（二）全市新开工项目436个，其中亿元以上项目102个。
三、城乡建设
1.完成老旧小区改造85个，惠及居民1.5万户。
""",
    "evaluation-report": """某县城乡供水一体化三年行动计划中期评估报告
一、总体进展
行动计划实施以来，全县累计新建改造供水管网320公里，完成计划的68%。（县水利局）
二、存在问题
部分乡镇水厂运行管理不规范，水费收缴率偏低。（县水务集团）
三、下一步建议
加快推进剩余管网建设，2026年底前全面完成。
""",
    "public-notice-table": """关于2025年度某镇为民办实事项目承办单位的公示
根据镇党委、镇政府研究，现将2025年度为民办实事项目及承办单位予以公示。
序号|项目名称|承办单位|计划投资
1|新建村级养老服务站3个|镇社会事务办|120万元
2|改造农村公路12公里|镇建设办|860万元
公示期：2025年2月10日至2月16日。
""",
    "past-results": """某县2023年工作总结
2023年，在县委、县政府的坚强领导下，全县各项工作取得显著成效。
一、经济运行稳中向好。全年实现地区生产总值156亿元，同比增长6.5%。
二、项目建设成效明显。累计完成固定资产投资89亿元，同比增长8.2%，先后引进项目32个。
三、民生保障持续改善。全年新增城镇就业5200人，圆满完成年度目标任务。
""",
    "interpretation": """《某县2024年政府工作报告目标任务分工方案》政策解读
一、出台背景
为确保政府工作报告提出的各项任务落实到位，县政府办公室对各项任务进行了细化分解。
二、主要内容
任务分解采用表格形式，共149项。
三、保障措施
县政府办公室将定期开展工作调度。
解读机构：某县人民政府办公室
咨询电话：0000-1234567
""",
    "agenda-item-interpretation": """区政府第12次常务会议议题解读:《某区稳就业促发展工作实施意见》
发布日期:2024-05-10
一、起草背景和过程
为做好稳就业工作，区人社局牵头起草了《实施意见》，并征求了区发改局、区财政局意见。
二、主要内容
《实施意见》共分为指导思想、目标任务、组织保障三部分，明确了牵头单位、协办单位和完成时限。
""",
    "interpretation-qa": """某市就业创业新政解读
问：新政出台的背景是什么？
答：为进一步稳定就业，市人社局会同有关部门制定了本政策。
问：新政有哪些主要内容？
答：一是扩大创业担保贷款范围；二是提高一次性创业补贴标准。
""",
    "regulation": """某市城市绿化管理办法
第一条 为了加强城市绿化管理，根据有关法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内的绿化规划、建设、保护和管理。
第三条 市城市管理局是本市城市绿化行政主管部门。
""",
    "commendation": """关于表彰2023年度全县安全生产工作先进集体和先进个人的决定
各乡镇人民政府，县直各单位：
2023年，全县各级各部门认真落实安全生产责任，涌现出一批先进集体和先进个人。经研究，决定对以下单位和个人予以表彰。
一、先进集体（10个）
县应急管理局、县消防救援大队……
二、先进个人（20名）
""",
    "progress-bulletin": """某县重点工作第三季度推进情况通报
一、产业项目建设
1.新建标准厂房项目。进展情况：主体工程已完工，完成投资1.2亿元。
2.物流园区项目。进展情况：已完成土地征收，正在开展场地平整。
""",
    "speech-big-meeting": """在全市安全生产暨消防工作推进大会上的讲话
（2024年3月5日）
同志们：
这次会议的主要任务是部署今年工作。下面，我讲三点意见。
一、提高政治站位，切实增强做好安全生产工作的责任感
二、聚焦重点领域，坚决遏制重特大事故发生
1.抓好道路交通安全。公安交警部门要开展专项整治。
2.抓好建筑施工安全。住建部门要加强监管。
三、压实各方责任，确保各项措施落地见效
""",
    "speech-no-title": """同志们：
今天我们召开全县农业农村工作会议，我讲几点意见。
一、坚定信心，全力以赴抓好粮食生产
二、突出重点，扎实推进乡村振兴
（一）抓好产业发展。要培育壮大特色产业。
（二）抓好人居环境整治。要持续开展村庄清洁行动。
""",
    "inspection-bulletin": """关于2024年上半年重点工作督查情况的通报
各乡镇，县直各单位：
根据县委、县政府安排，县督查室于6月对全县重点工作进行了督查。现将督查情况通报如下：
一、总体情况
截至6月底，全县56项重点工作中，已完成12项，按序时推进40项，滞后4项。
二、存在问题
（一）部分项目推进缓慢。个别项目至今未开工。
（二）部分单位重视不够。
三、下步要求
（一）加快推进进度。各责任单位要倒排工期。
""",
    "news-results": """我县2023年民生实事全部完成
2024-01-10 来源：县融媒体中心
记者从县政府获悉，2023年我县确定的10件民生实事已全部完成。
一、新建幼儿园3所，新增学位900个。
二、改造老旧小区15个，惠及居民3200户。
三、新建口袋公园6个。
""",
    "news-results-no-byline": """我市去年十大民生实事全部完成
2024-01-10 来源：市政府办公室
2023年，我市确定的十件民生实事已全部完成，群众满意度达到96%。
一、教育方面。新建改扩建学校12所，新增学位8000个，圆满完成年度目标。
二、就业方面。全年城镇新增就业1.5万人，超额完成年度目标。
三、养老方面。累计建成居家养老服务中心20个，提前完成年度目标。
""",
    # a mobilisation meeting reported: the plan read out is summarised 一、二、三, the speech (一)(二)(三)
    "meeting-report-with-the-plans-summary": """首页 > 新闻中心 > 部门动态
我镇召开秸秆禁烧和综合利用工作推进会
发布时间：2023-09-20 16:05　来源：镇农业农村办　作者：周敏
9月19日上午，东坪镇秸秆禁烧和综合利用工作推进会在镇政府二楼会议室召开。镇党委副书记刘海峰出席会议并讲话。
会上，镇农业农村办负责人宣读了《东坪镇2023年秋季秸秆禁烧和综合利用工作方案》：
一、明确工作目标。秸秆综合利用率达到95%以上，实现“零火点”。
二、压实工作责任。镇农业农村办牵头，各村（社区）负责具体落实，10月底前完成全部秸秆离田。
刘海峰在讲话中强调：
（一）要提高思想认识。各村要把秸秆禁烧作为当前的重点工作。
（二）要强化巡查管控。镇综合执法队要开展全天候巡查。
""",
    # the same report under a headline that does not say 召开: the lede says the meeting was held
    "meeting-report-headline-without-the-verb": """我区全力推进城市燃气安全专项整治
9月5日下午，全区城市燃气安全专项整治工作调度会在区应急管理局召开。副区长王建出席会议并作讲话。
一、全面排查隐患。9月底前完成全区餐饮场所燃气安全检查全覆盖。
二、加快管网改造。年内改造老旧燃气管网15公里。
王建在讲话中要求，各街道、各部门要压实责任，确保整治取得实效。
""",
    # a quarter's progress table, its rows the year's tasks with what was done: a report
    "quarter-progress-table": """当前位置：首页 > 政务公开 > 工作报告
某市政府2021年重点工作一季度进展情况表
发布日期：2021-04-20
序号 | 内容与要求 | 进展情况 | 责任单位
1 | 确保地区生产总值增长7%左右。 | 一季度全市地区生产总值同比增长8.1%。 | 市发改委
2 | 新建5G基站1000个。 | 已建成5G基站326个。 | 市经信局
""",
}


@pytest.mark.parametrize("text", PLANS.values(), ids=PLANS.keys())
def test_plans_are_extracted(text: str) -> None:
    result = extract_text(text)
    assert result.verdict.is_plan, result.verdict.reason
    assert result.plan.trackable()


@pytest.mark.parametrize("text", OTHERS.values(), ids=OTHERS.keys())
def test_other_pages_are_refused(text: str) -> None:
    result = extract_text(text)
    assert not result.verdict.is_plan
    assert result.verdict.reason


def test_an_indicator_table_without_numbers_gives_one_task_a_row() -> None:
    plan = extract_text(PLANS["indicator-table-without-numbers"]).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [
        ([1], "城镇新增就业"),
        ([2], "城镇调查失业率"),
        ([3], "农村劳动力转移就业"),
    ]
    assert [[(x.value, x.unit) for x in t.targets] for t in plan.tasks] == [
        [(5000, "人")],
        [(5.5, "%")],
        [(8000, "人")],
    ]
    assert [a.name for a in plan.tasks[1].agencies] == ["县人社局", "县统计局"]


def test_a_page_starting_mid_document_keeps_its_printed_numbers() -> None:
    plan = extract_text(PLANS["starts-mid-document"]).plan
    assert [t.path for t in plan.trackable()] == [[5], [6]]
    plan = extract_text(PLANS["first-number-three-arabic"]).plan
    assert [t.path for t in plan.trackable()] == [[3], [4]]


def test_division_by_unit_gives_one_task_per_unit() -> None:
    plan = extract_text(PLANS["division-by-unit"]).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [([14], "市民政局"), ([15], "市财政局")]


def test_a_one_cell_a_line_table_without_numbers_gives_one_task_a_row() -> None:
    text = (
        "某县2024年就业指标分解\n指标名称\n年度目标\n责任单位\n城镇新增就业\n5000人\n县人社局\n"
        "农村劳动力转移\n8000人\n县农业农村局\n各单位要按季度报送完成情况。\n"
    )
    plan = extract_text(text).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [([1], "城镇新增就业"), ([2], "农村劳动力转移")]
    assert [[a.name for a in t.agencies] for t in plan.tasks] == [["县人社局"], ["县农业农村局"]]


def test_a_reposted_plan_is_titled_by_the_document_the_lede_names() -> None:
    plan = extract_text(PLANS["news-reposting-the-full-text"]).plan
    assert plan.title == "关于做好2023年全面推进乡村振兴重点工作的实施意见"
    assert plan.issued_on == date(2023, 2, 20)  # the lede's date, not the page's 2023-03-02
    assert [t.title for t in plan.trackable()] == ["稳定粮食播种面积", "加快高标准农田建设"]


COVER_WITH_ATTACHMENT_LIST = """区政府各部门、各街道办事处：
为确保完成2020年《政府工作报告》提出的各项目标任务，现将主要目标任务进行分解，请抓好落实。
附件：1. 2020年《政府工作报告》目标任务分解表
2. 2020年民生实事项目目标任务分解表
某区人民政府办公室
2020年2月10日
附件1
序号 | 任务名称 | 指标要求 | 牵头部门 | 配合部门
1 | 地区生产总值 | 增长6% | 区发改局 | 区财政局、区统计局
2 | 社会消费品零售总额 | 增长8% | 区商务局 | 区统计局
"""


def test_an_attachment_list_names_files_not_items_and_an_indicator_column_holds_targets() -> None:
    plan = extract_text(COVER_WITH_ATTACHMENT_LIST).plan
    assert plan.title == "2020年《政府工作报告》目标任务分解表"
    tasks = plan.trackable()
    assert [(t.path, t.title) for t in tasks] == [([1], "地区生产总值"), ([2], "社会消费品零售总额")]
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [
        ("区发改局", "lead"),
        ("区财政局", "support"),
        ("区统计局", "support"),
    ]
    assert [(t.value, t.unit) for t in tasks[1].targets] == [(8.0, "%")]
