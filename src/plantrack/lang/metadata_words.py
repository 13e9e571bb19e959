"""Words around a notice's metadata: labels of site info tables, signatures, end-of-body lines. Data only."""

from __future__ import annotations

# Labels printed before a 文号 (文 号 / 发文字号 …): spaces inside are allowed by the pattern.
DOC_NUMBER_LABELS: tuple[str, ...] = (r"文\s*号", r"字\s*号", "发文字号", "发文文号")
# Brackets around the year of a 文号, as printed (〔2023〕, [2023], 【2023】, (2023)); one may be missing.
DOC_NUMBER_OPEN = r"[〔\[(【]"
DOC_NUMBER_CLOSE = r"[〕\])】]"
# Endings of the issuer part of a 文号 numbered without a year: 某县人民政府令第5号, 公告第3号.
ORDER_ENDINGS: tuple[str, ...] = ("令", "公告", "通告")
# A date or a run of digits glued before a title line (2023年3月1日关于印发…, 20230301关于…): not title.
LEADING_DATE = r"^(?:(?:19|20)\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?|\d{5,})\s*"
# The file name ending of a title copied from a document-sharing site (…分解表.docx).
FILE_EXTENSION = r"\.(?:docx?|wps|pdf|txt|xlsx?|pptx?)$"
# The site's name a page title carries after the notice's (…的通知 - 豆丁网, …_百度文库).
SITE_SUFFIX = r"[-_|–—](?:[^-_|–—]{2,16}?(?:网|文库|文档|网站|平台|门户|资料库))$"
# Whatever a site glues after a hyphen to a notice title that is whole before it (…的通知-某某电子平台):
# a short run without sentence punctuation, cut off when the title before it is a notice title.
GLUED_TAIL = r"\s*[-_|–—][^-_|–—。,;:!?《》]{1,24}$"
# The page number a site puts after the title of a notice it splits over pages (…的通知(第2页)).
PAGE_SUFFIX = r"[(\[【]?第\d{1,4}页(?:[/,]?共\d{1,4}页)?[)\]】]?$"
# A breadcrumb printed on the title's own line, before it (万兴街道>通知公告>万兴街道2022年…): short
# pieces without sentence punctuation, each closed by a breadcrumb arrow.
BREADCRUMB_HEAD = r"^(?:[^>»›<《》。,;!?]{1,24}[>»›]+)+"
# 【市政府重点工作及责任分解】滁州市人民政府关于…: the site's column tag printed before a title
COLUMN_TAG_HEAD = r"^【[^【】]{2,24}】(?=.{8})"
# Words that open a plan's body; a genre word right before one ends a title printed without a
# line break (…整治活动实施方案为认真落实…).
BODY_OPENERS: tuple[str, ...] = (
    "为",
    "根据",
    "按照",
    "依据",
    "现将",
    "为了",
    "为进一步",
    "为深入",
    "为切实",
    "结合",
)
# Level words that end the place opening a title (淮安市2024年…, 万兴街道2022年…): a site's name over
# a title that opens with a place is the page's, not part of the title (石门坳镇人民政府 over 石门坳镇…).
PLACE_LEVELS: tuple[str, ...] = ("自治区", "省", "市", "州", "县", "区", "街道", "镇", "乡")
# Verbs of a notice title that hands a plan over (关于印发…的通知): such a notice is a cover, not the plan.
PRINTING_VERBS: tuple[str, ...] = ("印发", "转发")
# Labels of the document's own date (not the web page's 发布日期).
DATE_LABELS: tuple[str, ...] = ("成文日期", "印发日期", "签发日期", "发文日期")
# Words after the date of a 版记 line (某局办公室 2025年3月6日印发): the date it was printed, read as
# the date of signature when the page prints no signature.
PRINTED_ON_WORDS: tuple[str, ...] = ("印发", "印制")
# Labels of the web page's own date (发布时间:2021-05-18): the plan year when nothing else shows one.
PAGE_DATE_LABELS: tuple[str, ...] = ("发布时间", "发布日期", "发表时间", "发布于")
ISSUER_LABELS: tuple[str, ...] = ("发文机关", "发布机关", "发布机构", "发布单位", "发文单位", "制发机关")
TITLE_LABELS: tuple[str, ...] = (r"名\s*称", r"标\s*题", "文件名称")
# Cells of a site info table (文 号 | X | 成文日期 | Y) that are labels.
INFO_LABELS: tuple[str, ...] = (
    "文号",
    "发文字号",
    "发文文号",
    "标题",
    "名称",
    "成文日期",
    "发文日期",
    "发布机构",
    "发文机关",
    "发布机关",
    "发布单位",
)
# Words of a site info line (发布机构 … 组配分类 …): such a line is never the plan's title.
INFO_LINE_WORDS: tuple[str, ...] = (
    "发布机构",
    "组配分类",
    "主题分类",
    "索引号",
    "所属主题",
    "公开方式",
    "信息来源",
    "发布日期",
    "成文日期",
)
# Endings of an issuer's name on a signature line (吉安市农民工工作领导小组办公室).
ISSUER_ENDINGS: tuple[str, ...] = ("厅", "局", "委", "办", "会", "政府", "办公室", "小组", "中心")
# Lines that end the plan's body: attachments, 此件公开发布, 抄送, the printing line.
END_OF_BODY = r"附件\s*\d*\s*[:]?|\(此件.{0,8}\)|抄送[:]|印发[:]?$|.{2,30}\d{4}年\d{1,2}月\d{1,2}日印发$"
# Verbs a requirement heading may open with (加强组织领导 = 组织领导).
HEADING_VERBS: tuple[str, ...] = ("加强", "强化", "进一步", "切实")

# A document site's line naming the file it shows: 《乡镇2016年农业生产指导性计划》由会员上传分享.
DOC_SITE_CUES: tuple[str, ...] = ("由会员上传分享", "由用户上传", "免费在线阅读")
# The preamble naming what it drafts when no title line does: 为…,特制定2015年…推进方案。
DRAFTED_CUES: tuple[str, ...] = ("特制定", "现制定", "特制订", "现制订")
