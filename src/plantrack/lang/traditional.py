"""Frequent traditional-only characters: data only, read by extract/normalize.is_traditional.

Every character here is changed by OpenCC's t2s conversion, and none of them is written in ordinary
simplified notices (a test checks both against the bundled seeds). The list holds the characters
that are most frequent in traditional government notices (業 會 農 實 務 ...), so that their share
among all CJK characters tells a traditional text from a simplified one that quotes a few names.
"""

from __future__ import annotations

TRADITIONAL_ONLY = (
    "業會農實務職開發費為訓國單進總穩辦關統險準現責機萬動繳幫創學質級脫貧號規權組資員貫徹黨對數構"
    "織東調點過廣見優負崗舉養階醫財殘積極戶產題個記聞黃體習時條經強擔編據設網決減傷標稅還寬來難問"
    "別與補劃勞運廳於義執訂華環並牽頭縣區錄門寫擴鎮屬療繼續參報評場議鄉夢興啟專項貼計緊災奮認紹導"
    "確簡稱營範濟雙勝撐圍繞屆許礎備況處層態輕預籌將長檔緩暫聯際納響結論壇糾錯達說讓隊約驗給誤協臺"
    "絡領適內貸綠燈爲應護蘇蓋監轉維傳堅們爭帶請衛羣種識線間證揮銀檢愛從斷讀婦針則類風綜兒無寧隨兩"
    "選輸團衆嚴話遷戰諧郵試復暢節細訴僅後願載頁築當講變購碼樹輿觀靈額較幹佔漁審書績終勢買師畢閱異"
    "違簽順價盡紅獲訪齡狀畝練漸餘這訊紡採庫賬啓車賽歷誰惡熱懲罰鐵傾豐藝術滿歡諮詢"
)

# A text is traditional when at least this share of its CJK characters is in TRADITIONAL_ONLY.
# Traditional notices score 0.2-0.35; simplified ones 0, or a few thousandths when they quote names.
MIN_SHARE = 0.05
