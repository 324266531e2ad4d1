/**
 * Traditional forms of the characters the word table reads (明天下午三點 週會, 時長兩小時, 主題：…, 直播詳情): the
 * reader folds them one to one, so every word is written once, in simplified form, and a theme keeps the member's
 * own characters (the copy is only read, never stored). Only characters that appear in the vocabulary are listed;
 * Cantonese 係 reads as 是 and 冇 as 没, as Hong Kong colleagues mean them.
 */
const PAIRS =
  '點点週周時时長长題题間间後后禮礼鐘钟個个兩两開开創创詳详觀观統统計计導导測测試试連连幫帮說说備备註注簡简內内會会議议聖圣誕诞節节號号' +
  '場场課课發发預预約约刪删銷销調调為为這这請请問问麼么樣样嗎吗們们準准參参須须稱称專专動动緊紧務务歷历曆历慶庆國国勞劳兒儿陽阳車车' +
  '實实際际頭头結结舉举辦办進进標标無无沒没過过暫暂變变遲迟換换資资訊讯鏈链數数據据單单況况親亲於于從从與与還还記记歡欢員员訓训講讲' +
  '佈布營营龍龙討讨報报審审訂订機机雙双帶带區区範范紹绍檢检應应該该寫写錯错對对給给讓让幾几條条聽听見见線线視视頻频錄录製制總总' +
  '復复盤盘紀纪戶户護护優优質质產产業业績绩規规劃划顧顾團团隊队協协門门啟启財财稅税費费夠够驗验裡里醫医療疗闆板' +
  '貼贴寶宝剛刚現现馬马邊边麗丽較较燈灯燒烧藝艺術术傳传僅仅億亿舊旧亞亚歲岁滿满臨临終终獎奖擬拟晝昼係是冇没誤误';

const TABLE = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) TABLE.set(PAIRS[i]!, PAIRS[i + 1]!);

/** The simplified form of `char` when the word table knows it, else `char`. */
export const simplified = (char: string): string => TABLE.get(char) ?? char;

/** `text` with every Traditional form the table knows in simplified form: one character for one, so offsets hold. */
export const foldTraditional = (text: string): string => [...text].map(simplified).join('');
