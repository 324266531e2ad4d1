// Set F: 213 messages and 42 dialogs written blind after set E's fixes, by writers not heard from before (customer
// service, marketing with hashtags and 【】, a trainer's course series, finance dates with weekdays, operations shorthand
// 晚场/后早, Traditional characters, pasted calendar invites); measured before any change: create 75/103 right (4
// created with a wrong theme, 8 shown for confirmation with one, 10 not understood — 9 of them Traditional), ask 40/44
// (4 not understood, 0 lives), other 34/41, none 24/25; dialogs 26/42 (5 wrong lives). Now table rows.
export type Expect =
  | { live: { theme: string; start: string; duration?: number; description?: string; remind?: number } }
  | { ask: string }
  | { command: 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help'; livingid?: string; described?: true }
  | { none: string };
export interface Case { text: string; expect: Expect; cls: string }
export interface Dialog { turns: [string, string]; expect: Expect; cls: string }
type LiveOpts = { duration?: number; description?: string; remind?: number };
const L = (theme: string, start: string, o: LiveOpts = {}): Expect => ({ live: { theme, start, ...o } });
const A = (note: string): Expect => ({ ask: note });
const N = (note: string): Expect => ({ none: note });
type Cmd = 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help';
const C = (command: Cmd, livingid?: string): Expect => (livingid ? { command, livingid } : { command });
const D = (command: Cmd): Expect => ({ command, described: true });
const mk = (cls: string, rows: [string, Expect][]): Case[] => rows.map(([text, expect]) => ({ text, expect, cls }));
const H = 3600; const M = 60;

// ---------------------------------------------------------------------------------------------------------------
// CREATE: each message must produce exactly one live.
// ---------------------------------------------------------------------------------------------------------------
const CREATE: [string, Expect][] = [
  // customer-service team lead: short imperatives, 哈/呀/嘛
  ['明天下午3点开个直播哈，主题：客服周会', L('客服周会', '2026-11-26T15:00')],
  ['帮我建个直播呀，明早9点半，投诉处理复盘', L('投诉处理复盘', '2026-11-26T09:30')],
  ['开一个嘛，今天下午4点，售后话术培训', L('售后话术培训', '2026-11-25T16:00')],
  ['快帮我开直播哈，后天上午10点，新人上岗培训，一个半小时', L('新人上岗培训', '2026-11-27T10:00', { duration: 90 * M })],
  ['建一下呀：周五下午2点到3点半 客服质检会', L('客服质检会', '2026-11-27T14:00', { duration: 90 * M })],
  ['下周一早上8点半 早班交接会，提前10分钟提醒哈', L('早班交接会', '2026-11-30T08:30', { remind: 10 * M })],
  ['明天中午12点开半小时直播哈，主题午间答疑', L('午间答疑', '2026-11-26T12:00', { duration: 30 * M })],
  ['弄一个嘛：今晚8点 夜班客服例会', L('夜班客服例会', '2026-11-25T20:00')],
  ['28号下午3点哈，工单系统培训', L('工单系统培训', '2026-11-28T15:00')],
  ['下周三上午10点 VIP客户回访培训 2个钟', L('VIP客户回访培训', '2026-12-02T10:00', { duration: 2 * H })],
  ['帮我开个直播呀，明天下午3点，主题是客户答疑，提前5分钟提醒，时长40分钟', L('客户答疑', '2026-11-26T15:00', { duration: 40 * M, remind: 5 * M })],

  // marketing: emoji, 【】, hashtags
  ['📢【双12预热直播】明晚8点开播！🎉', L('双12预热直播', '2026-11-26T20:00')],
  ['🔥明天晚上7点半 【年终好物清单】 时长2小时🔥', L('年终好物清单', '2026-11-26T19:30', { duration: 2 * H })],
  ['#直播预告# 12月12日晚上8点到10点 【双十二狂欢夜】', L('双十二狂欢夜', '2026-12-12T20:00', { duration: 2 * H })],
  ['【新品首发】12/3 下午3点 ✨时长90分钟✨', L('新品首发', '2026-12-03T15:00', { duration: 90 * M })],
  ['🎄平安夜晚上8点来场直播，主题：【圣诞许愿池】', L('圣诞许愿池', '2026-12-24T20:00')],
  ['🎅圣诞节下午3点 【圣诞特惠专场】 提前30分钟提醒', L('圣诞特惠专场', '2026-12-25T15:00', { remind: 30 * M })],
  ['🎆元旦上午10点 【新年第一播】', L('新年第一播', '2027-01-01T10:00')],
  ['#直播预告# 后天晚上7点 【会员专享福利】 1.5小时', L('会员专享福利', '2026-11-27T19:00', { duration: 90 * M })],
  ['🦃感恩节晚上8点 【感恩回馈专场】', L('感恩回馈专场', '2026-11-26T20:00')],
  ['【直播预告】双十二当天上午10点，主题：爆款返场 🛒', L('爆款返场', '2026-12-12T10:00')],
  ['💥下周五晚上8点 【年货节抢先看】 2小时💥', L('年货节抢先看', '2026-12-04T20:00', { duration: 2 * H })],
  ['💝情人节晚上8点 【情人节限定礼盒】', L('情人节限定礼盒', '2027-02-14T20:00')],
  ['春节上午10点拜个年 🧧 主题：【新春红包雨】', L('新春红包雨', '2027-02-07T10:00')],

  // trainer: course series
  ['明天下午2点 新员工培训第3期', L('新员工培训第3期', '2026-11-26T14:00')],
  ['后天上午9点半开直播：Excel进阶上篇，时长两小时', L('Excel进阶上篇', '2026-11-27T09:30', { duration: 2 * H })],
  ['下周一下午3点到5点 Excel进阶下篇', L('Excel进阶下篇', '2026-11-30T15:00', { duration: 2 * H })],
  ['12月2日下午2点 直播课：Python入门 Part 2', L('Python入门 Part 2', '2026-12-02T14:00')],
  ['主题：销售技巧训练营第5期，时间：明天上午10点，时长90分钟', L('销售技巧训练营第5期', '2026-11-26T10:00', { duration: 90 * M })],
  ['下下周一上午9点 管理者必修课第2期上篇', L('管理者必修课第2期上篇', '2026-12-07T09:00')],
  ['明天晚上7点 产品知识100问（第4期），讲一个半小时', L('产品知识100问（第4期）', '2026-11-26T19:00', { duration: 90 * M })],
  ['周五上午10点 直播课：沟通的艺术 Part 1', L('沟通的艺术 Part 1', '2026-11-27T10:00')],
  ['12月9号（周三）下午3点 领导力系列第6期，1h30m', L('领导力系列第6期', '2026-12-09T15:00', { duration: 90 * M })],
  ['下周二晚上8点 财务小白课下篇', L('财务小白课下篇', '2026-12-01T20:00')],
  ['明天下午4点 质量体系培训第12期，提前15分钟提醒', L('质量体系培训第12期', '2026-11-26T16:00', { remind: 15 * M })],
  ['下周四晚上8点 主题：90分钟读懂财报', L('90分钟读懂财报', '2026-12-03T20:00')],
  ['明天下午3点 主题：24小时挑战赛', L('24小时挑战赛', '2026-11-26T15:00')],

  // finance: full dates with years and weekdays in brackets
  ['2026年12月7日（周一）上午10:00 2026年度预算说明会', L('2026年度预算说明会', '2026-12-07T10:00')],
  ['2026年12月15日（星期二）14:30-16:00，费用报销新规解读', L('费用报销新规解读', '2026-12-15T14:30', { duration: 90 * M })],
  ['2026/12/10（周四）9:30-11:00 季度结账培训', L('季度结账培训', '2026-12-10T09:30', { duration: 90 * M })],
  ['2026-12-18（周五）15:00 年终关账注意事项 时长45分钟', L('年终关账注意事项', '2026-12-18T15:00', { duration: 45 * M })],
  ['会议时间：2026年11月30日（周一）16:00—17:00；主题：发票合规专题', L('发票合规专题', '2026-11-30T16:00', { duration: H })],
  ['2026年12月22日（周二）上午10点，税务筹划分享，备注：请提前准备问题', L('税务筹划分享', '2026-12-22T10:00', { description: '请提前准备问题' })],
  ['2027年1月5日（周二）下午3点 2027年度预算启动会', L('2027年度预算启动会', '2027-01-05T15:00')],
  ['12月31日（周四）上午11点 年终决算直播', L('年终决算直播', '2026-12-31T11:00')],
  ['2026年12月3日（周四）14:00至15:30 资金管理制度宣讲', L('资金管理制度宣讲', '2026-12-03T14:00', { duration: 90 * M })],
  ['十二月十五日上午九点 产品路线图发布', L('产品路线图发布', '2026-12-15T09:00')],

  // operations in a hurry: 明早/明晚/后早, 下午场/晚场, 点半
  ['明早8点 早会', L('早会', '2026-11-26T08:00')],
  ['明晚8点半 直播带货复盘', L('直播带货复盘', '2026-11-26T20:30')],
  ['后早9点 大促备货会', L('大促备货会', '2026-11-27T09:00')],
  ['后天下午场 3点 选品会', L('选品会', '2026-11-27T15:00')],
  ['今天晚场9点 清仓专场', L('清仓专场', '2026-11-25T21:00')],
  ['明天晚场8点到10点 福利专场', L('福利专场', '2026-11-26T20:00', { duration: 2 * H })],
  ['周五下午3点半 运营周报', L('运营周报', '2026-11-27T15:30')],
  ['1小时后 临时对齐会', L('临时对齐会', '2026-11-25T15:00')],
  ['30分钟后开个直播 紧急事故通报', L('紧急事故通报', '2026-11-25T14:30')],
  ['今天17点 日报复盘', L('日报复盘', '2026-11-25T17:00')],
  ['明早7点半 晨会 半小时', L('晨会', '2026-11-26T07:30', { duration: 30 * M })],
  ['大后天上午10点 「周末特卖预告」', L('周末特卖预告', '2026-11-28T10:00')],
  ['下午4点 库存盘点同步 45分钟', L('库存盘点同步', '2026-11-25T16:00', { duration: 45 * M })],
  ['明天13:30 直播排期会', L('直播排期会', '2026-11-26T13:30')],
  ['后天晚上9点 夜间专场 1h', L('夜间专场', '2026-11-27T21:00', { duration: H })],
  ['明天上午十点 周会', L('周会', '2026-11-26T10:00')],
  ['周四上午9点一刻 晨间播报', L('晨间播报', '2026-11-26T09:15')],
  ['明天下午3点05 供应商对接会', L('供应商对接会', '2026-11-26T15:05')],
  ['明天上午10点三刻 数据周报', L('数据周报', '2026-11-26T10:45')],
  ['明天pm 3:00 Overseas Weekly', L('Overseas Weekly', '2026-11-26T15:00')],
  ['明天中午1点 午间分享会', L('午间分享会', '2026-11-26T13:00')],
  ['明天凌晨2点 服务器迁移直播', L('服务器迁移直播', '2026-11-26T02:00')],
  ['明天0点 跨年倒计时彩排', L('跨年倒计时彩排', '2026-11-26T00:00')],
  ['周五傍晚6点 团建活动说明', L('团建活动说明', '2026-11-27T18:00')],
  ['明天早上7点 晨跑打卡', L('晨跑打卡', '2026-11-26T07:00')],

  // Hong Kong / Taiwan colleague: Traditional characters
  ['明天下午三點 週會', L('週會', '2026-11-26T15:00')],
  ['下週一上午十點開直播，主題：產品發佈會，時長兩小時', L('產品發佈會', '2026-11-30T10:00', { duration: 2 * H })],
  ['後天晚上八點，直播主題：年終感恩回饋', L('年終感恩回饋', '2026-11-27T20:00')],
  ['12月8號（週二）下午2點半 新人培訓', L('新人培訓', '2026-12-08T14:30')],
  ['禮拜五下午4點到6點 客戶說明會', L('客戶說明會', '2026-11-27T16:00', { duration: 2 * H })],
  ['主題：季度業績回顧\n時間：下週三 上午10:00\n時長：90分鐘', L('季度業績回顧', '2026-12-02T10:00', { duration: 90 * M })],
  ['今晚7點半開個直播，主題「新品開箱」', L('新品開箱', '2026-11-25T19:30')],
  ['聖誕節晚上8點 聖誕派對直播，提前半小時提醒', L('聖誕派對直播', '2026-12-25T20:00', { remind: 30 * M })],
  // Not taken for a live: 会议 without 直播 is another task for the bot (set A: 帮我约一下明天下午3点和张总的会议). A miss, not a wrong live.
  ['下下週一下午3點 年度規劃會議', N('the writer expected a live; the bot reads 会议 as a meeting')],
  ['明天上午11點 跨部門協作分享 時長一個鐘頭', L('跨部門協作分享', '2026-11-26T11:00', { duration: H })],

  // copied calendar invites (the 地点/Where line is not part of the live)
  ['Subject: Q4 Business Review\nWhen: Thursday, November 26, 2026 3:00 PM-4:30 PM (UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi\nWhere: 会议室A', L('Q4 Business Review', '2026-11-26T15:00', { duration: 90 * M })],
  ['主题：年终客户答谢会\n时间：2026年12月18日（周五）19:00-21:00\n地点：上海国际会议中心3楼', L('年终客户答谢会', '2026-12-18T19:00', { duration: 2 * H })],
  ['【会议邀请】\n会议主题：研发月度分享\n会议时间：2026/12/01 10:00-11:00\n会议地点：5F大会议室\n议程：开场、分享、答疑', L('研发月度分享', '2026-12-01T10:00', { duration: H })],
  ['Subject: 销售团队周例会\nWhen: 2026-11-30 09:00–10:00\nLocation: Room 1203', L('销售团队周例会', '2026-11-30T09:00', { duration: H })],
  ['邀请您参加：数字化转型分享\n时间：12月4日 周五 14:00 - 15:30\n地点：线上 + 2号楼201', L('数字化转型分享', '2026-12-04T14:00', { duration: 90 * M })],
  ['时间：明天 15:00-16:00\n地点：7楼多功能厅\n主题：安全生产月总结', L('安全生产月总结', '2026-11-26T15:00', { duration: H })],
  ['When: Wed, Dec 2, 2026 7:30 PM – 9:00 PM (GMT+8)\nSubject: Investor Q&A Live', L('Investor Q&A Live', '2026-12-02T19:30', { duration: 90 * M })],
  ['主题：新版CRM上线培训\n时间：2026年12月10日（星期四）下午2:00-4:00\n地点：培训教室B\n备注：请带电脑', L('新版CRM上线培训', '2026-12-10T14:00', { duration: 2 * H, description: '请带电脑' })],

  // misc day words from the POLICY calendar
  ['明天下午3点开直播，主题是“客户成功案例分享”，描述：邀请三位标杆客户', L('客户成功案例分享', '2026-11-26T15:00', { description: '邀请三位标杆客户' })],
  ['下个月3号上午10点 月度经营分析会', L('月度经营分析会', '2026-12-03T10:00')],
  ['月底下午4点 11月复盘', L('11月复盘', '2026-11-30T16:00')],
  ['3号下午2点 供应链周会', L('供应链周会', '2026-12-03T14:00')],
  ['双12晚上8点 直播抢购会 持续3个小时', L('直播抢购会', '2026-12-12T20:00', { duration: 3 * H })],
  ['今天晚上9点到11点 夜猫子专场', L('夜猫子专场', '2026-11-25T21:00', { duration: 2 * H })],
  ['明天上午11点到下午1点 午间直播带货', L('午间直播带货', '2026-11-26T11:00', { duration: 2 * H })],
  ['明天11点到1点 美妆专场', L('美妆专场', '2026-11-26T11:00', { duration: 2 * H })],
  ['明天晚上7点半到9点 读书会', L('读书会', '2026-11-26T19:30', { duration: 90 * M })],
  ['12.16 下午3点 中台架构分享', L('中台架构分享', '2026-12-16T15:00')],
  ['3天后下午3点 供应商大会', L('供应商大会', '2026-11-28T15:00')],
  ['一周后上午10点 项目启动会', L('项目启动会', '2026-12-02T10:00')],
  ['明天上午9点 部门例会，提前1小时提醒', L('部门例会', '2026-11-26T09:00', { remind: H })],
];

// ---------------------------------------------------------------------------------------------------------------
// ASK: must ask one question instead of creating.
// ---------------------------------------------------------------------------------------------------------------
const ASK: [string, Expect][] = [
  ['明天开个直播哈，主题：客服周会', A('day without hour')],
  ['帮我开个直播呀，后天，主题：质检标准宣讲', A('day without hour')],
  ['明天3点 投诉复盘会', A('3 o\u2019clock without period')],
  ['后天5点 直播带货复盘', A('5 o\u2019clock without period')],
  ['明天7点 早会', A('7 o\u2019clock without period (theme does not set the period)')],
  ['後天6點 週會', A('6 o\u2019clock without period (Traditional)')],
  ['時間：明天 3:00-4:00\n主題：季度回顧', A('3:00-4:00 without period')],
  ['明天或后天下午3点 新品介绍', A('two days')],
  ['下周一和下周三下午3点 新人培训', A('two days')],
  ['明早或者明晚8点 直播选品会', A('two periods / hours')],
  ['明天下午三點或四點 週會', A('two hours')],
  ['周末开个直播，新品品鉴会，下午3点', A('周末 is not a day')],
  ['下周下午3点 产品培训', A('下周 without weekday')],
  ['下週 開個直播 主題：產品說明會 下午3點', A('下週 without weekday')],
  ['月初上午10点 月度例会', A('月初 unreadable')],
  ['改天下午3点开个直播 聊聊年终总结', A('改天 unreadable')],
  ['过几天晚上8点 粉丝见面会', A('过几天 unreadable')],
  ['马上开个直播 紧急通报', A('马上 unreadable')],
  ['最近找个时间开个直播，讲讲新政策', A('最近 unreadable')],
  ['下个月下午3点开个年终总结直播', A('下个月 without day')],
  ['元旦前后晚上8点 新年寄语', A('前后 is not a day')],
  ['12月1号到3号 每天下午2点 新人训练营', A('multi-day span')],
  ['周四到周五 上午9点 封闭培训', A('multi-day span')],
  ['下周一上午9点到下周二下午5点 封闭集训', A('span over two days')],
  ['明天下午2点到4点 客户沟通技巧 时长1小时', A('range plus a different length')],
  ['周五下午3点到5点 年会彩排 大概1小时', A('range plus a different length')],
  ['明天下午3点 主题：2026年度华东区渠道合作伙伴年终答谢暨新品发布大会', A('theme over 20 characters')],
  ['主題：二〇二六年度亞太區客戶成功暨合作夥伴年度高峰論壇\n時間：下週一下午3點', A('theme over 20 characters (Traditional)')],
  ['明天上午15点 周会', A('上午 contradicts 15')],
  ['明天晚上3点 夜班交接', A('晚上3点')],
  ['明晚5点 粉丝福利', A('晚上5点')],
  ['明天晚上12点 跨夜直播', A('晚上12点')],
  ['明天24点 零点抢购', A('24 o\u2019clock')],
  ['明天下午3点 马拉松直播 时长30小时', A('length over 24 hours')],
  ['明天下午3点 快闪直播 时长0分钟', A('length 0')],
  ['每周一上午9点 早会直播', A('recurring')],
  ['每天晚上8点 带货直播，帮我建一下', A('recurring')],
  ['11月20日下午3点 复盘会', A('past date')],
  ['2026年11月24日（周二）上午10点 月度对账', A('past date')],
  ['今天上午10点 晨会', A('today, hour already passed')],
  ['上午9点 早会', A('no day, today 09:00 already passed')],
  ['今天下午1点 午会', A('today 13:00 already passed')],
  ['2026年12月7日（周三）上午10点 预算说明会', A('12-07 is a Monday, not 周三: conflicting day')],
  ['明天下午3点开个直播', A('theme missing')],
];

// ---------------------------------------------------------------------------------------------------------------
// OTHER: the nine other commands, by ID or described in words.
// ---------------------------------------------------------------------------------------------------------------
const OTHER: [string, Expect][] = [
  // list
  ['我的直播', C('list')],
  ['看看我有哪些直播呀', C('list')],
  ['我的直播列表发我一下哈', C('list')],
  ['列出我所有的直播', C('list')],
  // info
  ['直播详情 lvQ3xY8pLm2N', C('info', 'lvQ3xY8pLm2N')],
  ['直播詳情 lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg', C('info', 'lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg')],
  ['查一下 lvK7pR2mWq9Z 的详情', C('info', 'lvK7pR2mWq9Z')],
  ['明天那场客服周会的详情发我看看', D('info')],
  // modify
  ['修改直播 lvQ3xY8pLm2N 开始时间改成明天下午4点', C('modify', 'lvQ3xY8pLm2N')],
  ['修改直播 lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg 主题改为：年终盛典彩排', C('modify', 'lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg')],
  ['lvM4nB8vC2xZ 改一下时长，改成2小时', C('modify', 'lvM4nB8vC2xZ')],
  ['修改直播 lvT9uY6iO3pA 推迟到后天上午10点', C('modify', 'lvT9uY6iO3pA')],
  ['把明天下午的客服周会改到4点哈', D('modify')],
  ['財務分享會那場直播，改成下週二下午3點', D('modify')],
  // cancel
  ['取消直播 lvQ3xY8pLm2N', C('cancel', 'lvQ3xY8pLm2N')],
  ['取消直播 lvOQpTDwAAeH3kLmZ9qRtYbUu-XYZabc', C('cancel', 'lvOQpTDwAAeH3kLmZ9qRtYbUu-XYZabc')],
  ['lvR5tG7hJ1kL 这个不播了，取消掉', C('cancel', 'lvR5tG7hJ1kL')],
  ['取消明天的周会', D('cancel')],
  ['后天那个双12预热直播不搞了，帮我取消', D('cancel')],
  ['把週五的客戶說明會取消', D('cancel')],
  // watch
  ['观看统计 lvQ3xY8pLm2N', C('watch', 'lvQ3xY8pLm2N')],
  ['觀看統計 lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg', C('watch', 'lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg')],
  ['lvW2eR4tY6uI 有多少人看了？', C('watch', 'lvW2eR4tY6uI')],
  ['昨天的新员工培训有多少人看了', D('watch')],
  ['上周那场双11复盘直播的观看数据查一下', D('watch')],
  // export
  ['导出观看统计 lvQ3xY8pLm2N', C('export', 'lvQ3xY8pLm2N')],
  ['導出觀看統計 lvZ8xC6vB4nM', C('export', 'lvZ8xC6vB4nM')],
  ['把 lvP0oI9uY8tR 的观看名单导出来', C('export', 'lvP0oI9uY8tR')],
  ['帮我导出一下产品发布会的观看名单', D('export')],
  ['上周五年终关账培训的观看明细导个excel给我', D('export')],
  // apistats (admin)
  ['统计', C('apistats')],
  ['看下API调用统计', C('apistats')],
  ['接口调用量统计发我一下', C('apistats')],
  // ping (admin)
  ['测试连接', C('ping')],
  ['測試連接', C('ping')],
  ['ping', C('ping')],
  ['测一下连接通不通', C('ping')],
  // help
  ['帮助', C('help')],
  ['幫助', C('help')],
  ['/help', C('help')],
  ['help', C('help')],
];

// ---------------------------------------------------------------------------------------------------------------
// NONE: no live, no question about a live; a helpful text.
// ---------------------------------------------------------------------------------------------------------------
const NONE: [string, Expect][] = [
  ['怎么创建直播呀？', N('how-to question about the bot')],
  ['機器人可以幫我設提醒嗎？', N('question about the bot')],
  ['直播最长能开多久？', N('question about the bot')],
  ['直播链接怎么分享给客户？', N('question about the bot')],
  ['这个机器人是谁维护的？', N('question about the bot')],
  ['各位，明天下午3点有客服周会直播，大家准时参加哈', N('announcement to colleagues')],
  ['@所有人 今晚8点双12预热直播，记得转发朋友圈🎉', N('announcement to colleagues')],
  ['各位同事：下週一上午10點的產品發佈會請準時上線觀看', N('announcement to colleagues (Traditional)')],
  ['周五团建，大家记得带水杯', N('announcement to colleagues')],
  ['今天的直播效果很好，大家辛苦了', N('statement')],
  ['谢谢哈', N('thanks')],
  ['多谢多谢🙏', N('thanks')],
  ['謝謝', N('thanks (Traditional)')],
  ['你好呀', N('greeting')],
  ['早上好', N('greeting')],
  ['收到', N('acknowledgement')],
  ['OK 👌', N('acknowledgement')],
  ['下班了 👋', N('statement')],
  ['帮我订个明天下午3点的会议室', N('request the bot cannot do (room booking)')],
  ['帮我写一份直播脚本', N('request the bot cannot do')],
  ['幫我翻譯一下這段話', N('request the bot cannot do (Traditional)')],
  ['能不能帮我查一下快递', N('request the bot cannot do')],
  ['明天要下雨吗', N('unrelated question')],
  ['提醒我明天上午10点给客户回电话', N('personal reminder')],
  ['提醒我晚上8点去健身', N('personal reminder')],
];

export const SET_F: Case[] = [...mk('create', CREATE), ...mk('ask', ASK), ...mk('other', OTHER), ...mk('none', NONE)];

// ---------------------------------------------------------------------------------------------------------------
// DIALOGS: first message makes the bot ask, second is the member's answer; expect = final outcome.
// ---------------------------------------------------------------------------------------------------------------
const dl = (first: string, second: string, expect: Expect, cls = 'dialog'): Dialog => ({ turns: [first, second], expect, cls });
export const DIALOGS_F: Dialog[] = [
  // missing hour
  dl('明天开个直播哈，主题：客服周会', '下午3点', L('客服周会', '2026-11-26T15:00')),
  dl('明天开个直播 主题：新员工培训第3期', '下午两点到四点', L('新员工培训第3期', '2026-11-26T14:00', { duration: 2 * H })),
  dl('明天开个直播哈，主题：客服周会', '3点', A('3 o\u2019clock still without period')),
  dl('明天开个直播 主题：新员工培训第3期', '2点到4点', A('2点到4点 still without period')),
  dl('帮我开个直播呀，主题：质检标准宣讲', '明天吧', A('day given, hour still missing')),
  dl('📢【双12预热】要开播啦，时间还没填', '12月10号晚上8点', L('双12预热', '2026-12-10T20:00')),
  dl('明天晚场 福利专场', '8点', L('福利专场', '2026-11-26T20:00')),
  // 1–7 without period
  dl('明天3点 投诉复盘会', '下午', L('投诉复盘会', '2026-11-26T15:00')),
  dl('明天3点 服务器割接直播', '凌晨3点', L('服务器割接直播', '2026-11-26T03:00')),
  dl('後天6點 週會', '晚上', L('週會', '2026-11-27T18:00')),
  dl('時間：明天 3:00-4:00\n主題：季度回顧', '下午', L('季度回顧', '2026-11-26T15:00', { duration: H })),
  dl('Subject: Weekly Sync\nWhen: 2026-11-26 3:00-4:00', '下午的', L('Weekly Sync', '2026-11-26T15:00', { duration: H })),
  // unreadable day words
  dl('周末开个直播 新品品鉴会', '周六上午10点', L('新品品鉴会', '2026-11-28T10:00')),
  dl('周末开个直播 新品品鉴会', '周日', A('day given, hour still missing')),
  dl('下周开个分享会直播，主题：用户增长方法论', '下周二下午2点', L('用户增长方法论', '2026-12-01T14:00')),
  dl('下週 開個直播 主題：產品說明會', '下週四下午2點半', L('產品說明會', '2026-12-03T14:30')),
  dl('月初上午10点 月度例会', '12月1号', L('月度例会', '2026-12-01T10:00')),
  dl('过几天晚上8点 粉丝见面会', '下周五', L('粉丝见面会', '2026-12-04T20:00')),
  dl('马上开个直播 紧急通报', '10分钟后', L('紧急通报', '2026-11-25T14:10')),
  dl('改天开个直播 年终总结', '那就12月30号下午3点', L('年终总结', '2026-12-30T15:00')),
  // two days / two periods
  dl('明天或后天下午3点 新品介绍', '后天吧', L('新品介绍', '2026-11-27T15:00')),
  dl('明早或者明晚8点 直播选品会', '明晚', L('直播选品会', '2026-11-26T20:00')),
  dl('2026年12月7日（周三）上午10点 预算说明会', '是12月7日周一', L('预算说明会', '2026-12-07T10:00')),
  // spans / recurring
  dl('12月1号到3号 每天下午2点 新人训练营', '先建1号那场', L('新人训练营', '2026-12-01T14:00')),
  dl('周四到周五 上午9点 封闭培训', '只建周四那天的，9点到12点', L('封闭培训', '2026-11-26T09:00', { duration: 3 * H })),
  dl('每周一上午9点 早会直播', '那先建下周一这一场', L('早会直播', '2026-11-30T09:00')),
  // range plus different length
  dl('明天下午2点到4点 产品培训 时长1小时', '按2点到4点', L('产品培训', '2026-11-26T14:00', { duration: 2 * H })),
  dl('明天下午2点到4点 产品培训 时长1小时', '就1小时吧', L('产品培训', '2026-11-26T14:00', { duration: H })),
  // theme too long / missing
  dl('明天下午3点 主题：2026年度华东区渠道合作伙伴年终答谢暨新品发布大会', '主题改成 华东渠道答谢会', L('华东渠道答谢会', '2026-11-26T15:00')),
  dl('明天下午3点开个直播', '主题就叫 年终冲刺动员会', L('年终冲刺动员会', '2026-11-26T15:00')),
  dl('明天下午3点开个直播', '客户答疑', L('客户答疑', '2026-11-26T15:00')),
  dl('明天下午三點 開個直播', '主題：季度週會', L('季度週會', '2026-11-26T15:00')),
  // contradicting / impossible hours and lengths
  dl('明天上午15点 周会', '下午3点', L('周会', '2026-11-26T15:00')),
  dl('明天晚上12点 跨夜直播', '改成晚上11点', L('跨夜直播', '2026-11-26T23:00')),
  dl('明天晚上3点 夜班交接', '周五凌晨3点', L('夜班交接', '2026-11-27T03:00')),
  dl('明天下午3点 马拉松直播 时长30小时', '那就8小时', L('马拉松直播', '2026-11-26T15:00', { duration: 8 * H })),
  dl('明天下午3点 快闪直播 时长0分钟', '15分钟', L('快闪直播', '2026-11-26T15:00', { duration: 15 * M })),
  // past
  dl('11月20日下午3点 复盘会', '写错了，是12月20日', L('复盘会', '2026-12-20T15:00')),
  dl('今天上午10点 晨会', '改成明天上午10点', L('晨会', '2026-11-26T10:00')),
  // member gives up
  dl('明天开个直播 主题：年终总结', '算了不开了', N('member gave up')),
  dl('下周搞个直播 聊聊年终奖', '先不弄了，谢谢', N('member gave up')),
  dl('明天下午3点开个直播', '不用了，我搞错了', N('member gave up')),
];
