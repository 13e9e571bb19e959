"""Site chrome of saved government pages: data only, read by extract/normalize and sources/html.

Lines are matched after normalisation (NFKC: full-width ``：`` arrives as ``:``, ``＞`` as ``>``),
and only lines of at most MAX_LINE characters are considered, so a paragraph of the notice is never
dropped because it mentions an address or a phone number. A line that starts with a numbering marker
(一、 (二) 3. ...) is never boilerplate. Lone ``|`` lines are not boilerplate: they separate cells
of flattened tables.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_LINE = 200

# (name, regex searched in the line). Anchor with ^ / $ where the pattern must cover the line.
LINE_PATTERNS: list[tuple[str, str]] = [
    # navigation: 您当前所在位置: 首页>资讯中心  /  当前位置:首页 >> 信息公开  /  您所在的位置:
    ("position", r"^(?:您|你)?(?:当前|现在)(?:所在)?的?位置\s*:"),
    ("position_short", r"^(?:您|你)?所在的?位置\s*:"),
    ("breadcrumb_home", r"^首页\s*(?:>|»|›|→|/|\\|-|—)"),
    ("breadcrumb_tail", r"^[>»›]\s*[^>»›]+[>»›]"),
    # a breadcrumb that starts at the site's name: 丽水市青田县人民政府 > 政府信息公开 > 规划计划,
    # 万兴街道 > 通知公告 (short pieces, no sentence punctuation, no figures: 浓度>35 is content)
    ("breadcrumb", r"^[^>»›<《》。,;!?\d%]{1,24}(?:[>»›]+[^>»›<《》。,;!?\d%]{1,24})+[>»›]?$"),
    # reading tools: 【字号 大 中 小】 (a line of tools; a date line ending with one is kept) / 【字体: / 分享到:
    ("font_size", r"^[|\s【\[(]*字号\s*:?\s*[【\[(]?\s*(?:大|默认)\s*[】\])]?\s*[【\[(]?\s*中"),
    ("font", r"^[【\[(]?\s*字体\s*:"),
    ("share", r"^分享到"),
    ("prev_next", r"^(?:上一篇|下一篇|上一条|下一条)\s*:"),
    ("scan", r"^(?:微信)?扫一扫"),
    ("welcome", r"^欢迎(?:访问|光临|您访问).{0,40}网站"),
    ("visitor", r"^您是(?:本站)?第\s*\d*\s*(?:位|个|名)访(?:问|客)者"),
    ("social_account", r"^\*?[^\s*]{0,12}(?:微信|微博|公众号|头条号|抖音号|客户端)\*?$"),
    ("login", r"^邮箱登录|用户名\s*:.{0,20}密\s*码\s*:"),
    ("search_box", r"^(?:全站|站内|高级)?搜索\s*:?$"),
    ("counter", r"^[【\[]?(?:阅读|浏览|点击|访问)(?:次数|量|数)?\s*:?\s*\d*\s*次?[】\]]?$"),
    # footers: 主办单位: / 版权所有 / © / ICP备 / 公网安备 / 网站标识码 / 技术支持: / 网站维护电话
    ("sponsor", r"^(?:主办|承办|主管|协办)(?:单位)?\s*:"),
    ("copyright", r"版权所有(?![人者权])|©|(?i:copyright)"),
    ("icp", r"ICP备|ICP证|公网安备|网站标识码|网站识别码|备案(?:证)?(?:编)?号\s*:"),
    ("tech_support", r"技术支持\s*:|制作\s*[&和/]?\s*技术支持"),
    ("site_maintenance", r"网站维护\s*(?:电话|单位|:)"),
    ("address", r"地址\s*:.{0,150}(?:电话|邮编|邮政编码|传真|(?i:e-?mail))"),
    ("contact", r"^(?:联系电话|咨询电话|联系方式|联系我们|电子邮箱|邮箱|(?i:e-?mail))\s*:"),
    # a page's mark that it continues the one before or goes on to the next: (接上页), 上接第3页, (转下页)
    (
        "page_continued",
        r"^[(（]?\s*(?:接上页|续上页|承上页|上接第?\s*\d*\s*页|转下页|下转第?\s*\d*\s*页)\s*[)）]?$",
    ),
    ("page_number", r"^(?:[-—–─]\s*\d{1,4}\s*[-—–─]|第\s*\d{1,4}\s*页(?:\s*[/,]?\s*共\s*\d{1,4}\s*页)?)$"),
]

# A line made only of these words (separated by spaces, | / · - * : brackets) is a toolbar or menu:
# "打印 关闭", "| 【字号 大 中 小】 | 打印 | 留言 |", "- 设为首页".
CHROME_WORDS = _words(
    """
    打印 关闭 打印本页 打印此页 打印文章 打印正文 关闭窗口 关闭本页 返回 返回顶部 返回首页 回到顶部 顶部
    收藏 加入收藏 收藏本页 设为首页 分享 分享到 纠错 我要纠错 留言 论坛 网摘 手机点评 手机版 保存
    无障碍 无障碍浏览 无障碍阅读 长者版 关怀版 适老版 适老化 网站地图 联系我们 关于我们 网站声明
    繁体 繁體 简体 简体版 繁体版 English 登录 注册 新闻详情 正文 大 中 小 默认 字号 字体
    相关稿件 相关专题 相关链接 相关文章 相关阅读 相关新闻 新闻聚焦 猜你感兴趣 猜你喜欢 扫一扫 微信 微博 QQ空间
    首页 上一页 下一页 视力保护色 智能问答 搜索 全站搜索 高级搜索
    """
)

# Menu entries of a site's top bar (首页 | 政务公开 | 政务服务 | 互动交流): chrome words too when the
# line holds at least two of them and nothing else, or a site's name before them.
MENU_WORDS = _words(
    """
    网站首页 政务公开 政府信息公开 信息公开 政务服务 办事服务 互动交流 政民互动 数据开放 专题专栏
    机构概况 通知公告 新闻中心 新闻动态 政策文件 政策解读 长者模式 简体中文 繁体中文 繁体版 繁體版 简体版
    列印本页 关闭视窗
    """
)
MENU_PREFIXES: tuple[str, ...] = ("走进",)  # 走进淇县

# A top bar that opens with the home page and goes on with the site's own sections
# (网站首页 镇情概况 政务公开 乡村振兴 便民服务): chrome whatever the sections are called, when at least
# MENU_MIN_ENTRIES short entries (Chinese only, at most MENU_ENTRY_MAX characters) follow.
MENU_HOME_WORDS: frozenset[str] = frozenset({"首页", "网站首页", "主页"})
MENU_MIN_ENTRIES = 2
MENU_ENTRY_MAX = 6

# A site's name printed before its toolbar or menu on one line (珠海市香洲区人民政府 | 繁体 | 无障碍):
# what such a name ends with. A title never ends so.
SITE_NAME_ENDINGS: tuple[str, ...] = ("政府", "网", "网站", "门户", "局", "委", "办", "厅", "街道", "办事处")

# Separators between the words of a toolbar line.
CHROME_SEPARATORS = r"[\s|/·•\-*:\[\]【】()]+"

# Saved HTML pages: elements whose class or id names one of these (whole name, or a part of it
# between - and _) are page chrome and left out, unless they hold a lot of text (see sources/html).
HTML_CHROME_NAMES = _words(
    """
    nav navbar navigation menu mainmenu topmenu submenu footer foot copyright breadcrumb breadcrumbs
    crumb crumbs share sharebox bdsharebuttonbox toolbar skip sitemap
    """
)

# Document-sharing sites put their own numbered notes above a copied notice: a header line
# (温馨提示:) and the lines under it that speak of the site (下载, 本文档, 客服); the block ends at
# the first line that does not, and a numbered line inside it is the site's, not an item.
SITE_NOTICE_HEADER = r"^(?:温馨提示|下载须知|下载说明|免责声明|文档说明|阅读须知|特别提示)\s*[::]?$"
SITE_NOTICE_WORDS = r"下载|本文档|文档|本站|客服|版权|预览|付费|上传|会员|积分"

# A list of links to other pages under the notice (相关文档: then one title a line, up to a blank
# line): the titles are other documents (a 政策解读 among them), never this one's text.
RELATED_LINKS_HEADER = r"^[【\[]?(?:相关文档|相关链接|相关阅读|相关新闻|相关文章|延伸阅读|相关稿件|相关专题|相关解读|相关政策)[】\]]?\s*[::]?$"
RELATED_LINKS_MAX = 20  # lines of a link list at the most

# Labels that open a page's own info line under its title (发表时间:2023-04-04): such a line is
# never the rest of the title's sentence, however long the title line is.
PAGE_INFO_LABELS: tuple[str, ...] = (
    "发表时间",
    "发布时间",
    "发布日期",
    "来源",
    "信息来源",
    "文章来源",
    "索引号",
    "作者",
    "浏览次数",
    "点击数",
    "文档格式",  # a document-sharing site's line under the title: 文档格式:PDF | 页数:9 | 上传日期:…
    "页数",
    "上传日期",
    "成文日期",
    "发文字号",
    "发布机构",
    "字体",
    "字号",
)

# Hard page-number lines left in text taken from PDF: "— 2 —", "- 12 -", "第 3 页 共 9 页".
PAGE_NUMBER = (
    r"^\s*(?:[-—–─－]\s*\d{1,4}\s*[-—–─－]|第\s*\d{1,4}\s*[页頁](?:\s*[/,，]?\s*共\s*\d{1,4}\s*[页頁])?)\s*$"
)
