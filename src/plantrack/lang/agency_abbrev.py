"""Common abbreviations of Chinese government agencies: data only, read by tracking/agencies.py.

ABBREVIATIONS maps a short form (without the level prefix 省/市/县/区) to the full form. Names are
compared after the level prefix is dropped and abbreviations are expanded, so 市人社局, 人社局 and
市人力资源和社会保障局 are one agency. Workspace settings (`[agencies]` in plantrack.toml) add rows.
Successor agencies after the 2018 reform (卫计委 -> 卫健委, 国土局 -> 自然资源局, 安监局 -> 应急管理局)
are kept apart: a plan names the agency of its year.
"""

from __future__ import annotations

from plantrack.lang.roles import LEVEL_PREFIXES  # one table of administrative levels

__all__ = ["ABBREVIATIONS", "COLLECTIVE_MARKERS", "IGNORED_CHARS", "LEVEL_KEEP_AFTER", "LEVEL_PREFIXES"]

ABBREVIATIONS: dict[str, str] = {
    # 人力资源和社会保障
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "人社部": "人力资源和社会保障部",
    "人力资源社会保障局": "人力资源和社会保障局",
    "人力资源社会保障厅": "人力资源和社会保障厅",
    "劳动保障局": "劳动和社会保障局",
    # 发展和改革
    "发改委": "发展和改革委员会",
    "发展改革委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "发展改革局": "发展和改革局",
    # 住房和城乡建设
    "住建局": "住房和城乡建设局",
    "住建厅": "住房和城乡建设厅",
    "住建委": "住房和城乡建设委员会",
    "住房城乡建设局": "住房和城乡建设局",
    "城建局": "城乡建设局",
    "房管局": "房地产管理局",
    # 卫生
    "卫健委": "卫生健康委员会",
    "卫生健康委": "卫生健康委员会",
    "卫计委": "卫生和计划生育委员会",
    "卫生计生委": "卫生和计划生育委员会",
    # 市场监督管理
    "市场监管局": "市场监督管理局",
    "市监局": "市场监督管理局",
    "市场质监局": "市场和质量监督管理局",
    "工商局": "工商行政管理局",
    "质监局": "质量技术监督局",
    # 农业农村, 自然资源
    "农业农村委": "农业农村委员会",
    "农委": "农业委员会",
    "国土局": "国土资源局",
    "自然资源局": "自然资源局",
    "规划局": "城乡规划局",
    # 应急管理
    "应急局": "应急管理局",
    "安监局": "安全生产监督管理局",
    # 医疗保障, 民政, 教育, 科技
    "医保局": "医疗保障局",
    "教体局": "教育体育局",
    "科技局": "科学技术局",
    # 工业, 国资, 交通, 环境
    "工信委": "工业和信息化委员会",
    "工信局": "工业和信息化局",
    "国资委": "国有资产监督管理委员会",
    "交通局": "交通运输局",
    "环保局": "环境保护局",
    "生态环境局": "生态环境局",
    # 文化, 广电
    "文广新局": "文化广电新闻出版局",
    "文广局": "文化广电局",
    "文旅局": "文化和旅游局",
    # 扶贫, 税务, 金融
    "扶贫移民办": "扶贫和移民办公室",
    "扶贫办": "扶贫开发办公室",
    "国税局": "国家税务局",
    "地税局": "地方税务局",
    "人行": "人民银行",
    "金融办": "金融工作办公室",
    # 党委部门, 办公室
    "委农工部": "委农村工作部",
    "农工部": "委农村工作部",
    "编办": "机构编制委员会办公室",
    "政府办": "人民政府办公室",
    "外侨办": "外事侨务办公室",
    # 群团组织
    "工会": "总工会",
    "团市委": "共青团市委",
    "团县委": "共青团县委",
    "团省委": "共青团省委",
    "妇联": "妇女联合会",
    "残联": "残疾人联合会",
    "科协": "科学技术协会",
    "工商联": "工商业联合会",
    "红十字会": "红十字会",
}

# Level prefixes (roles.LEVEL_PREFIXES) are dropped before names are compared. 市 is not dropped
# before 场 or 政 (市场监督管理局, 市政公用局), where it belongs to the agency's own name; 区 not before 域.
LEVEL_KEEP_AFTER: dict[str, tuple[str, ...]] = {"市": ("场", "政"), "区": ("域",)}

# Characters ignored when comparing (人力资源和社会保障局 = 人力资源社会保障局).
IGNORED_CHARS = "和与及"

# Names of a group rather than one agency: any agency may report on a task naming one of these.
COLLECTIVE_MARKERS: tuple[str, ...] = ("各成员单位", "成员单位", "各有关单位", "有关单位", "各地", "各县")
