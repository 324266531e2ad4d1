// The fresh set (set C): 80 messages written from the policy after the reader was rebuilt, by a writer who never saw
// the code, and measured before any change (78 right, 2 wrong; the date one is fixed, the theme one is a judgement).
export type Expect =
  | { live: { theme: string; start: string; duration?: number; description?: string; remind?: number } }
  | { ask: string }
  | { command: 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help'; livingid?: string; described?: true }
  | { none: string };
export interface Case { text: string; expect: Expect; cls: string }
const L = (theme: string, start: string, o: { duration?: number; description?: string; remind?: number } = {}): Expect => ({ live: { theme, start, ...o } });
const A = (why: string): Expect => ({ ask: why });
const N = (why: string): Expect => ({ none: why });
const C = (command: 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help', livingid?: string): Expect => (livingid ? { command, livingid } : { command });
const D = (command: 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help'): Expect => ({ command, described: true });
export const SET_C: Case[] = [
  // ---- create (40) ----
  { text: '创建直播：季度复盘会，明天下午3点，90分钟', expect: L('季度复盘会', '2026-11-26T15:00', { duration: 5400 }), cls: 'create' },
  { text: '帮我约个直播，主题是新员工入职培训，后天上午10点到11点半', expect: L('新员工入职培训', '2026-11-27T10:00', { duration: 5400 }), cls: 'create' },
  { text: '安排一场直播\n主题：年终大促预热讲解\n时间：大后天晚上8点\n时长：2小时', expect: L('年终大促预热讲解', '2026-11-28T20:00', { duration: 7200 }), cls: 'create' },
  { text: '开个直播「产品路线图分享」下周四14:00-15:30', expect: L('产品路线图分享', '2026-12-03T14:00', { duration: 5400 }), cls: 'create' },
  // A theme that starts with 主题 right after the command keeps it (主题党日活动 is a theme); the review read it as a label.
  // The writer kept 主题 in the theme; set E's writer read 帮我建个直播 主题新人培训 as a label, which the bot now does.
  { text: '创建直播 主题客服话术演练 下下周四下午2点半 一个半小时', expect: L('客服话术演练', '2026-12-10T14:30', { duration: 5400 }), cls: 'create' },
  { text: '帮我建个直播，过两天上午9点，主题：安全生产总结', expect: L('安全生产总结', '2026-11-27T09:00'), cls: 'create' },
  { text: '约个直播 4天后晚上7点半 主题 销售冠军经验谈 时长45分钟', expect: L('销售冠军经验谈', '2026-11-29T19:30', { duration: 2700 }), cls: 'create' },
  { text: '创建直播：财务报销流程讲解，12月3号下午4点，半小时', expect: L('财务报销流程讲解', '2026-12-03T16:00', { duration: 1800 }), cls: 'create' },
  { text: '安排一场直播，2026-12-15 09:30，主题：年度预算评审，时长2小时，提前15分钟提醒', expect: L('年度预算评审', '2026-12-15T09:30', { duration: 7200, remind: 900 }), cls: 'create' },
  { text: '帮我开个直播 12/8 下午两点 主题是Q4目标对齐', expect: L('Q4目标对齐', '2026-12-08T14:00'), cls: 'create' },
  { text: '创建直播 主题：运维值班交接 时间：2026年12月1日早上8点半 时长1h30m', expect: L('运维值班交接', '2026-12-01T08:30', { duration: 5400 }), cls: 'create' },
  { text: '约一场直播～十二月十八日晚上八点，主题「年会节目彩排」，三个小时', expect: L('年会节目彩排', '2026-12-18T20:00', { duration: 10800 }), cls: 'create' },
  { text: '主题：午间健康讲座\n时间：明天中午12点\n时长：半小时', expect: L('午间健康讲座', '2026-11-26T12:00', { duration: 1800 }), cls: 'create' },
  { text: '帮我创建个直播，今晚8点，主题是线上读书会', expect: L('线上读书会', '2026-11-25T20:00'), cls: 'create' },
  { text: '创建直播 主题 设备巡检培训 明天中午1点 一刻钟', expect: L('设备巡检培训', '2026-11-26T13:00', { duration: 900 }), cls: 'create' },
  { text: '开个直播吧，下周一傍晚6点，主题：周报填写说明，备注：请各组长务必参加', expect: L('周报填写说明', '2026-11-30T18:00', { description: '请各组长务必参加' }), cls: 'create' },
  { text: '创建直播：代码评审规范，周五下午3点到5点', expect: L('代码评审规范', '2026-11-27T15:00', { duration: 7200 }), cls: 'create' },
  { text: '安排一场直播 明天凌晨5点 主题：海外市场同步会 时长1小时', expect: L('海外市场同步会', '2026-11-26T05:00', { duration: 3600 }), cls: 'create' },
  { text: '帮我约个直播 主题是供应链风险复盘 月底下午2点 2个钟', expect: L('供应链风险复盘', '2026-11-30T14:00', { duration: 7200 }), cls: 'create' },
  { text: '创建直播\n主题：新版OA系统上线培训\n时间：下个月5号上午10点\n描述：讲解审批流程和移动端使用', expect: L('新版OA系统上线培训', '2026-12-05T10:00', { description: '讲解审批流程和移动端使用' }), cls: 'create' },
  { text: '3小时后开个直播，主题：临时故障说明会', expect: L('临时故障说明会', '2026-11-25T17:00'), cls: 'create' },
  { text: '帮我开一场直播，30分钟后，主题是紧急通知宣讲', expect: L('紧急通知宣讲', '2026-11-25T14:30'), cls: 'create' },
  { text: '创建直播 主题：年末活动策划 12.20 下午3点半 1.5小时', expect: L('年末活动策划', '2026-12-20T15:30', { duration: 5400 }), cls: 'create' },
  { text: '约个直播 12-9 19:00-20:30 主题 客户答疑专场', expect: L('客户答疑专场', '2026-12-09T19:00', { duration: 5400 }), cls: 'create' },
  { text: '安排直播：元旦上午10点，主题新年致辞，时长40分钟', expect: L('新年致辞', '2027-01-01T10:00', { duration: 2400 }), cls: 'create' },
  { text: '创建直播 平安夜晚上7点 主题：部门联欢会 两小时', expect: L('部门联欢会', '2026-12-24T19:00', { duration: 7200 }), cls: 'create' },
  { text: '直播\n主题：双周技术分享\n时间：下周三下午4点半\n时长：一小时半', expect: L('双周技术分享', '2026-12-02T16:30', { duration: 5400 }), cls: 'create' },
  { text: '明早9点帮我开个直播，主题：晨会流程演示', expect: L('晨会流程演示', '2026-11-26T09:00'), cls: 'create' },
  { text: '创建直播「周年庆彩排」明晚8点-10点，提前30分钟提醒', expect: L('周年庆彩排', '2026-11-26T20:00', { duration: 7200, remind: 1800 }), cls: 'create' },
  { text: '创建直播 主题：Sales Kickoff 明天3pm 90分钟', expect: L('Sales Kickoff', '2026-11-26T15:00', { duration: 5400 }), cls: 'create' },
  { text: '🎉帮我开个直播，主题：团建活动说明，后天晚上7点，一小时', expect: L('团建活动说明', '2026-11-27T19:00', { duration: 3600 }), cls: 'create' },
  { text: '创建直播，主题是绩效面谈技巧，下周二上午十点，时长一个小时', expect: L('绩效面谈技巧', '2026-12-01T10:00', { duration: 3600 }), cls: 'create' },
  { text: '约个直播 一周后上午11点 主题：新人导师见面会', expect: L('新人导师见面会', '2026-12-02T11:00'), cls: 'create' },
  { text: '创建直播 2026/12/31 晚上9点到11点 主题 跨年前安全检查', expect: L('跨年前安全检查', '2026-12-31T21:00', { duration: 7200 }), cls: 'create' },
  { text: '安排一场直播 早上7点半 明天 主题：早班交接演示', expect: L('早班交接演示', '2026-11-26T07:30'), cls: 'create' },
  { text: '帮我开个直播 主题 AI工具实操 下周五上午9点三刻 时长大概两个小时左右', expect: L('AI工具实操', '2026-12-04T09:45', { duration: 7200 }), cls: 'create' },
  { text: '帮忙创建一个直播哈 主题：品牌手册解读 时间 12月11号 下午3点05 一小时', expect: L('品牌手册解读', '2026-12-11T15:05', { duration: 3600 }), cls: 'create' },
  { text: '那个帮我创建一个直播就是明天下午两点半的主题是用户调研结果分享大概一个小时吧谢谢', expect: L('用户调研结果分享', '2026-11-26T14:30', { duration: 3600 }), cls: 'create' },
  { text: '主题：跨部门协作流程\n时间：28号下午2点\n时长：1.5小时', expect: L('跨部门协作流程', '2026-11-28T14:00', { duration: 5400 }), cls: 'create' },
  { text: '创建直播 主题：午间技术沙龙 明天11点到1点', expect: L('午间技术沙龙', '2026-11-26T11:00', { duration: 7200 }), cls: 'create' },

  // ---- ask (20) ----
  { text: '创建直播 主题：周会 明天3点', expect: A('bare 3 o\'clock: 凌晨 or 下午?'), cls: 'ask' },
  { text: '帮我开个直播，晚上12点，主题：跨境对接', expect: A('晚上12点 is ambiguous'), cls: 'ask' },
  { text: '约个直播 周末下午2点 主题：团队分享', expect: A('周末 is not a day'), cls: 'ask' },
  { text: '创建直播 下周下午3点 主题：季度会', expect: A('下周 without weekday'), cls: 'ask' },
  { text: '创建直播 明天或者后天下午3点 主题：培训', expect: A('two different days'), cls: 'ask' },
  { text: '创建直播 主题：晨会 今天上午10点', expect: A('today 10:00 already passed'), cls: 'ask' },
  { text: '每周一上午9点帮我开个直播，主题：周例会', expect: A('recurring not supported'), cls: 'ask' },
  { text: '帮我创建个直播，明天下午3点', expect: A('missing theme'), cls: 'ask' },
  { text: '创建直播 主题：产品评审 明天', expect: A('missing hour'), cls: 'ask' },
  { text: '创建直播 主题：技术分享 明天下午2点到4点 时长3小时', expect: A('range conflicts with duration'), cls: 'ask' },
  { text: '开个直播 主题：客户沟通 改天下午3点', expect: A('改天 is not a day'), cls: 'ask' },
  { text: '创建直播 主题：复盘会 11月20号下午3点', expect: A('date in the past'), cls: 'ask' },
  { text: '创建直播 主题：月度总结 月初上午10点', expect: A('月初 is not a day'), cls: 'ask' },
  { text: '安排一场直播 主题：新品介绍 明天上午15点', expect: A('上午 contradicts 15点'), cls: 'ask' },
  { text: '创建直播 主题：值班交接 明天24点', expect: A('24点 is ambiguous'), cls: 'ask' },
  { text: '帮我约个直播，主题：夜间巡检，明天晚上2点', expect: A('晚上2点 is ambiguous'), cls: 'ask' },
  { text: '创建直播 主题：全员大会 时长30小时 明天上午10点', expect: A('duration over 24 hours'), cls: 'ask' },
  { text: '创建直播 主题：OKR复盘 明天上午10点和下午3点', expect: A('two different hours'), cls: 'ask' },
  { text: '创建直播 主题：招聘宣讲 过几天下午2点', expect: A('过几天 is not a day'), cls: 'ask' },
  { text: '帮我建个直播 主题：交接说明 今天下午1点', expect: A('today 13:00 already passed'), cls: 'ask' },

  // ---- other (12) ----
  { text: '直播详情 lvAbc123Xyz9', expect: C('info', 'lvAbc123Xyz9'), cls: 'other' },
  { text: '我的直播', expect: C('list'), cls: 'other' },
  { text: '帮我取消直播 lvAbc123Xyz9，谢谢', expect: C('cancel', 'lvAbc123Xyz9'), cls: 'other' },
  { text: '观看统计 lvAbc123Xyz9', expect: C('watch', 'lvAbc123Xyz9'), cls: 'other' },
  { text: '导出观看统计 lvAbc123Xyz9', expect: C('export', 'lvAbc123Xyz9'), cls: 'other' },
  { text: '修改直播 lvAbc123Xyz9 时间改到明天下午4点', expect: C('modify', 'lvAbc123Xyz9'), cls: 'other' },
  { text: '帮助', expect: C('help'), cls: 'other' },
  { text: '测试连接', expect: C('ping'), cls: 'other' },
  { text: '统计', expect: C('apistats'), cls: 'other' },
  { text: '取消明天的季度复盘会', expect: D('cancel'), cls: 'other' },
  { text: '帮我导出一下新员工培训的观看名单', expect: D('export'), cls: 'other' },
  { text: '把后天的产品分享直播改到下午4点', expect: D('modify'), cls: 'other' },

  // ---- none (8) ----
  { text: '怎么创建直播？', expect: N('question about the bot'), cls: 'none' },
  { text: '各位同事，周五下午2点有个产品直播，记得准时进来看👀', expect: N('announcement to colleagues'), cls: 'none' },
  { text: '你好', expect: N('greeting'), cls: 'none' },
  { text: '谢谢，直播已经建好了👍', expect: N('thanks'), cls: 'none' },
  { text: '帮我订一个明天下午3点的会议室', expect: N('cannot book rooms'), cls: 'none' },
  { text: '早上好呀～', expect: N('greeting'), cls: 'none' },
  { text: '帮我给张三发个邮件说直播改时间了', expect: N('cannot send email'), cls: 'none' },
  { text: '直播最多能建多长时间的？', expect: N('question about the bot'), cls: 'none' },
];
