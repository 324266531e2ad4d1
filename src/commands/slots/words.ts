/**
 * The reader's vocabulary: every word it knows, once, with what it means. The passes (read.ts) and the grammars
 * (days.ts, clocks.ts, times.ts, durations.ts, reminders.ts, leftovers.ts) build their patterns from these lists, so
 * a new word is one entry here and means the same thing everywhere (docs/reader.md).
 *
 * Words are written as the reader sees them: after NFKC folding (full-width letters, digits and ：，（） are ASCII).
 */

/** Which part of the day an hour is in, as the member said it. */
export type Period = 'small' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

/** A day named by the calendar rather than by number: solar (月, 日), lunar (月, 日), the n-th weekday of a month. */
export type NamedDay =
  | { solar: [month: number, day: number] }
  | { lunar: [month: number, day: number]; dayBefore?: true }
  | { nth: [month: number, n: number, weekday: number] }
  | { solarTerm: string };

export const WORDS = {
  /** Polite or spoken openings before what a message asks (帮我创建直播, 嗯那个帮我…). */
  openers: [
    '您好', '你好', 'hi', 'hello', '嗨', '就是说', '能不能帮我', '可不可以帮我', '可以帮我', '能帮我', '麻烦帮我', '请帮我', '帮我', '帮忙',
    '麻烦你', '麻烦', '请你', '请', '我要', '我想', '我想要', '给我', '嗯', '呃', '额', '那个', '就是', '好的', '好', '那', '喂',
    '小助手', '助手', 'pls', 'please', '各位好', '大家好', '各位同事好', '各位领导好', '各位主管好', '各位伙伴好', '各位同事', '各位领导', '亲们', '亲', '各位老师好', '老师您好', '老师好', '领导好',
  ],
  /** Words that carry no slot before free text: 帮我…, 就是…, 的周会, 那个产品评审会. */
  leadingFillers: [
    '好的', '好', '嗯', '呃', '额', '那个', '这个', '就是说', '就是', '就叫', '叫做', '名叫', '名为', '就', '能不能帮我', '可以帮我', '能帮我', '麻烦帮我',
    '请帮我', '帮我', '帮忙', '麻烦', '请', '给我', '我要', '我想', '有个', '有场', '有一个', '有一场', '定在', '定于', '大概', '大约', '预计',
    '差不多', '的', '一个', '一场', '然后', '再', '兹定于', '兹定', '兹', '都要做', '都要', '要做', '那就叫做', '那就叫', '好像是', '好像', '吧', '先帮我建个', '帮我建个', '帮我建一个', '先帮我', '做个', '做一个', '做一场', '开个', '搞个', '办个', '弄个', '整个', '来个', '开一个', '搞一个', '开一场', '搞一场',
    // 上午9时召开第四季度销售总结会: the verb a notice holds an event with is not the event's name.
    '召开', '举行',
  ],
  /** Words that carry no slot after free text: …吧, …的直播, 两个小时左右, …谢谢. */
  trailingFillers: [
    '的直播', '的', '吧', '哈', '呢', '啊', '哦', '呀', '啦', '呗', '吗', '嘛', '了', '一下', '然后', '好了', '预计', '大概', '大约', '来啦', '谢谢您啦', '谢谢您', '你帮我建一下', '帮我建一下', '你帮我建', '唔该晒', '唔该', '就得', 'lah', '谢谢', '谢谢你', '谢啦', '多谢', '左右', '上下', '开始',
    '开播', '举行', '进行', '在', '的话', '可以吗', '好吗', '行吗', '哈哈', '大概', '大约', '差不多', '就行', '就好', '就可以', '就这样',
    '帮我', '帮忙', '请帮我', '麻烦', '给我', '就够了', '就够', '够了', '就行了', '就好了', '帮我建', '帮忙建', '帮我开', '帮我约', '帮我弄',
  ],
  /** A part that is only one of these says nothing (在 明天15:00, 是 周会); inside a longer part they are words (要取消). */
  aloneFillers: [
    '想', '要', '在', '于', '从', '是', '个', '场', '和', '及', '左右', '约', '大概', '大约', '预计', '最多', '持续', '共', 'for', 'at', 'on',
    '定在', '定于', '准时', '举办', '开', '吗', '啦', '呗', '吧', '呀', '哦', '了', '呢', '哈', '嗯', '好的', '好', '就', '谢谢', '谢啦', '多谢',
    '麻烦了', '麻烦您', '您', '谢谢您', '谢谢您啦', '算了', '可以吗', '好吗', '一下', '喔', '对', '好像是', '好像', '临时', '确认了', '确定了', '定了', '经研究', '经研究决定', '各位', '各位同事', '大家', '宝子们', '家人们', '姐妹们', '宝宝们', '救命', '天哪', '哎呀', '以日期为准', '以这个为准', '为准', '申请', '直播申请', '按这个', '照这个', '按下面的', '按照这个', 'can do', 'can', 'can or not', 'or not', 'ok lah', 'do the', 'do a', 'sometime', '唔该', '唔该晒', '就得', 'lah', '没错', '您好', '你好', 'hi', 'hello', '嗨', '就是说', '就是', '那个', '这个', '然后', '的', '那天', '当天', '时候', '把',
    '约一下', '安排一下', '搞一下', '弄一下', '开一下', '建一下', '播', '播一下', '开', '建', '建个', '建一个', '创建', '新建', '搞', '办', '整', '弄', '做', '来个', '来一场',
    '的时候', '那场', '这场', '差不多', '估计', '吧谢谢', 'ok', 'thanks', 'please', 'pls', '之类', '等等', '就这样', '就行', '嗯嗯', '那就',
    '或者', '还是', '来着', '也行', '也可以', '或者也行', '或', '每', '每个', '开一个', '弄一个', '搞一个', '来一个', '整一个', '开一场', '快', '赶紧', '快点', '先建', '先开', '先', '那先建', '只建', '就建', '先做', '只做', '就好', '这一场', '那一场', '要开播啦', '开播啦', '时间还没填', '还没定',
    '具体安排如下', '通知如下', '安排如下', '具体如下', '详情如下', '信息如下', '如下', '拟于', '拟在', '兹定于', '召开', '举办', '特此通知', '计划于', '计划在', '准备在', '只要', '只建', '只开', '就要',
    '紧急', '加急', '急', '请协助创建', '请帮忙创建', '麻烦帮忙创建', '请帮我创建', '请创建', '烦请创建', '请协助', '麻烦创建一下', '请帮忙建一下', '各播一场', '各一场', '各开一场', '各办一场', '分别', '两场', '各一次',
  ],
  /** After a day, the hour already said (改成明天同一时间): nothing new — the kept hour stands. */
  sameHour: ['同一时间', '同一个时间', '同样的时间', '同样时间', '原来的时间', '原时间', '这个时间', '那个时间', '一样的时间', '相同时间', '时间不变'],
  /** After a day, one live of what was a series (那就明天一次): that day alone. */
  onceWords: ['一次', '一场', '就一次', '只一次', '这一次', '那一次', '单独一场', '不用每天', '不用每周', '不是每天', '不是每周', '不用重复'],
  /** Lengths in lessons (一节课, 两个课时): not a length the bot knows, so it asks. */
  lessonUnits: ['节课', '堂课', '课时', '节'],
  /** Parts of a day as a length (半天, 一上午): how long is not said — asked. */
  vagueLengths: ['半天时间', '大半天', '小半天', '半天', '一上午', '一下午', '一整天', '一晚上', '一整晚'],
  /** Words that end one clause of a spoken request and start the next: what stands before and after are separate parts. */
  clauseBreaks: ['然后', '另外', '还有', '并且', '同时', '接着', '之后呢', '对了'],
  /** Labels: the part after one of these is that slot (主题：周会, 备注：…, 时间：明天). */
  labels: {
    theme: ['直播主题', '直播标题', '直播名称', '会议主题', '会议名称', '活动主题', '培训主题', '讲座主题', '课程主题', '分享主题', '主题', '标题', '名称', '题目', '名字', '邀请您参加', '诚邀您参加'],
    description: ['直播描述', '直播简介', '直播内容', '直播说明', '描述', '简介', '内容', '说明', '备注', '备注一下'],
    time: ['直播时间', '会议时间', '开始时间', '开播时间', '培训时间', '讲座时间', '课程时间', '活动时间', '时间', '日期'],
    duration: ['直播时长', '时长', '时间长度', '长度'],
    reminder: ['提醒时间', '提醒'],
    /** Who is invited (邀请 销售部、标签:新员工): the rest of the line. */
    audience: ['邀请对象', '邀请人员', '参加人员', '参会人员', '观看人员', '参训人员', '邀请', '受众'],
  },
  /** How the name of a group ends (销售部, 培训班, 华东区全体): 邀请 glued before one is the audience label. */
  groupEnds: ['部', '组', '班', '中心', '团队', '全员', '全体', '所有人', '同事', '同事们', '学员', '新人', '新员工', '员工', '区'],
  /** English labels, only with a colon after them (topic: K8s升级复盘, time: 下周三 15:00). */
  englishLabels: {
    theme: ['topic', 'title', 'subject', 'theme'],
    /** Where a meeting is held: not the live's (a live has no place); dropped. */
    place: ['where', 'location', 'venue'],
    description: ['description', 'desc', 'notes', 'note', 'remark'],
    time: ['time', 'when', 'date'],
    duration: ['duration', 'length'],
  },
  /** A meeting's place in a pasted calendar invite (地点：5F大会议室): nothing of a live; the line is dropped. */
  placeLabels: ['会议地点', '地点', '会议室', '地址', '联系人', '联系电话', '联系方式', '电话'],
  /** 【通知】, 【直播预告】: a bracket of these says what the message is, not the live's name. */
  headings: ['通知', '公告', '提醒', '重要通知', '紧急通知', '会议通知', '培训通知', '活动通知', '直播通知', '直播预告', '预告', '转发'],
  /** Words that open a description rather than continue a name (TeamSync 主讲人张三, Demo 面向全员). */
  descriptionStarts: ['请', '面向', '主讲', '讲师', '嘉宾', '会后', '会前', '本周', '本次', '欢迎', '大家', '全员', '需要', '记得', '内容', '关于', '主要', '重点', '包括', '介绍', '讨论'],
  /** Description labels that need no colon after them (备注只讲抖音渠道). */
  bareDescriptionLabels: ['备注一下', '备注'],
  /** What joins a label and its value: 主题是, 主题为, 名字叫, 时间定在. */
  labelJoiners: ['就是', '就叫', '是', '为', '叫做', '叫', '定在', '定于', '定为', '改为', '改成', '缩短为', '简化为', '在', '就', '大约', '大概', '约', ':', '='],
  /** Words after which a label may start inside a run-on sentence (那个时间是…, 就是主题…). */
  beforeLabels: ['那个', '就是', '然后', '嗯', '呃', '额', '喂', '吧', '的', '还有', '另外', '哈', '啊', '呀', '呢', '啦'],
  /** A labelled range's end (结束时间：21:00). */
  endLabels: ['结束时间', '结束于', '结束在', '结束'],

  /** Parts of the day, each with how an hour after it reads (clocks.ts). */
  periods: {
    凌晨: 'small', 早上: 'morning', 早晨: 'morning', 清晨: 'morning', 上午: 'morning', 早: 'morning', am: 'morning', 'a.m.': 'morning',
    中午: 'noon', 午间: 'noon', 正午: 'noon', 午休: 'noon', 下午: 'afternoon', 午后: 'afternoon', pm: 'afternoon', 'p.m.': 'afternoon',
    傍晚: 'afternoon', 黄昏: 'afternoon', 晚上: 'evening', 晚间: 'evening', 夜里: 'evening', 夜间: 'evening', 夜晚: 'evening', 晚: 'evening',
    // Cantonese: 下晝 (folded 下昼), 朝早.
    下昼: 'afternoon', 朝早: 'morning', 朝头早: 'morning',
    深夜: 'night', 半夜: 'night', 午夜: 'night', 早场: 'morning', 上午场: 'morning', 下午场: 'afternoon', 午场: 'noon', 晚场: 'evening', 夜场: 'evening',
  } satisfies Record<string, Period>,
  /** English parts of the day, read only as whole words right after a day (tomorrow afternoon, Friday morning). */
  englishPeriods: { morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'evening' } satisfies Record<string, Period>,
  /** Words that say a day and its part at once: 今晚8点, 明早9点. */
  dayPeriods: {
    今晚: [0, 'evening'], 今夜: [0, 'evening'], 今早: [0, 'morning'], 今晨: [0, 'morning'], 明晚: [1, 'evening'], 明早: [1, 'morning'],
    明晨: [1, 'morning'], 明天一早: [1, 'morning'], 后天晚上: [2, 'evening'], 后早: [2, 'morning'], 后晚: [2, 'evening'],
    听晚: [1, 'evening'], 听朝: [1, 'morning'], 今朝: [0, 'morning'],
    tonight: [0, 'evening'], 'this morning': [0, 'morning'], 'this afternoon': [0, 'afternoon'], 'this evening': [0, 'evening'],
  } satisfies Record<string, [number, Period]>,
  /** Days counted from today. */
  relativeDays: {
    今天: 0, 今日: 0, 今儿: 0, 今儿个: 0, 当天: 0, 明天: 1, 明日: 1, 明儿: 1, 明儿个: 1, 次日: 1, 第二天: 1, 隔天: 1, 后天: 2, 后日: 2, 后儿: 2,
    后儿个: 2, 大后天: 3, 大后儿: 3, 大后儿个: 3,
    // Cantonese (聽日 is folded to 听日): tomorrow.
    听日: 1,
    昨天: -1, 昨日: -1, 前天: -2, 大前天: -3, today: 0, tomorrow: 1, tmr: 1,
  } satisfies Record<string, number>,
  /** 周, 星期, 礼拜 (and the traditional 週): followed by a weekday. */
  weekWords: ['星期', '礼拜', '周', '週'],
  /** Weekdays after a week word, Monday = 1 … Sunday = 7. */
  weekdays: { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 } satisfies Record<string, number>,
  /** Which week a weekday is in: 下周一 is next week's Monday (weeks start on Monday). */
  weekOffsets: { 这个: 0, 这: 0, 本: 0, 下个: 1, 下: 1, 下下个: 2, 下下: 2, 上个: -1, 上: -1 } satisfies Record<string, number>,
  /** Which month: 下个月3号, 本月底. */
  monthOffsets: { 本月: 0, 这个月: 0, 这月: 0, 当月: 0, 下个月: 1, 下月: 1, 下下个月: 2, 下下月: 2 } satisfies Record<string, number>,
  /** 底, 末, 最后一天: a month's last day. */
  monthEnds: ['的最后一天', '最后一天', '底', '末'],
  /** Which year: 明年1月5日. */
  yearOffsets: { 今年: 0, 明年: 1, 后年: 2, 去年: -1 } satisfies Record<string, number>,
  dayUnits: ['日', '号'],
  /** After a day, the same day again: 除夕那天, 春节当天. */
  daySuffixes: ['那一天', '那天', '当天', '这一天', '这天'],
  hourUnits: ['点钟', '点', '时'],
  minuteUnits: ['分钟', '分'],
  /** 3点半, 3点一刻, 3点三刻, 3点整: minutes written as a word. */
  clockFractions: { 半: 30, 一刻: 15, 三刻: 45, 整: 0, 正: 0 } satisfies Record<string, number>,
  /** Between the two ends of a range: 9:00-11:30, 9点到11点, 9点至11点, 9:00~11:30. */
  rangeMarks: ['一直到', '直到', '-', '–', '—', '－', '−', '~', '〜', '至', '到', 'to', '→', '->'],
  /** After a range's end: 到5点结束. */
  rangeEnds: ['结束', '为止', '止'],
  /** After a start: 15:00开始 (a part that is only this says nothing). */
  startWords: ['开始', '开播', '举行', '进行'],
  /** Days with names: the coming one. Lunar ones are read with the Chinese calendar (holidays.ts). */
  namedDays: {
    元旦: { solar: [1, 1] }, 元旦节: { solar: [1, 1] }, 情人节: { solar: [2, 14] }, 妇女节: { solar: [3, 8] }, 三八节: { solar: [3, 8] },
    植树节: { solar: [3, 12] }, 愚人节: { solar: [4, 1] }, 劳动节: { solar: [5, 1] }, 五一: { solar: [5, 1] }, 五一劳动节: { solar: [5, 1] },
    青年节: { solar: [5, 4] }, 儿童节: { solar: [6, 1] }, 六一: { solar: [6, 1] }, 建党节: { solar: [7, 1] }, 建军节: { solar: [8, 1] },
    教师节: { solar: [9, 10] }, 国庆: { solar: [10, 1] }, 国庆节: { solar: [10, 1] }, 平安夜: { solar: [12, 24] }, 圣诞: { solar: [12, 25] },
    圣诞节: { solar: [12, 25] }, 双十一: { solar: [11, 11] }, 双11: { solar: [11, 11] }, 双十二: { solar: [12, 12] }, 双12: { solar: [12, 12] },
    春节: { lunar: [1, 1] }, 大年初一: { lunar: [1, 1] }, 除夕: { lunar: [1, 1], dayBefore: true }, 大年三十: { lunar: [1, 1], dayBefore: true },
    元宵: { lunar: [1, 15] }, 元宵节: { lunar: [1, 15] }, 端午: { lunar: [5, 5] }, 端午节: { lunar: [5, 5] }, 七夕: { lunar: [7, 7] },
    中秋: { lunar: [8, 15] }, 中秋节: { lunar: [8, 15] }, 重阳: { lunar: [9, 9] }, 重阳节: { lunar: [9, 9] }, 腊八: { lunar: [12, 8] },
    清明: { solarTerm: '清明' }, 清明节: { solarTerm: '清明' }, 冬至: { solarTerm: '冬至' }, 夏至: { solarTerm: '夏至' }, 立春: { solarTerm: '立春' },
    立夏: { solarTerm: '立夏' }, 立秋: { solarTerm: '立秋' }, 立冬: { solarTerm: '立冬' }, 春分: { solarTerm: '春分' }, 秋分: { solarTerm: '秋分' }, 母亲节: { nth: [5, 2, 0] }, 父亲节: { nth: [6, 3, 0] }, 感恩节: { nth: [11, 4, 4] },
  } satisfies Record<string, NamedDay>,
  /**
   * Words of a day or a time the reader cannot turn into one: left in the text, they make the bot ask (a live must
   * not go on today because 周末 was not understood).
   */
  unreadDays: [
    '周末', '下周', '下个周', '下星期', '下个星期', '下礼拜', '下个礼拜', '这周', '本周', '这个星期', '这星期', '下个月', '下月', '这个月', '本月',
    '月初', '月中', '月底前', '上旬', '中旬', '下旬', '年底', '年初', '年前', '年后', '节前', '节后', '改天', '过几天', '过些天', '过阵子',
    '近期', '最近', '下学期', '上学期', '找个晚上', '找个下午', '找个上午', '找一天', '马上', '立刻', '立即', '现在', '等会', '等会儿', '一会', '一会儿', '待会', '待会儿', '稍后', '晚些时候', '回头', '有空',
    '找个周末', '挑个周末', '明后天', '明后两天', '今明两天', '今明天', '这两天', '这几天', '工作日', '找个时间', '找时间', '某天', '哪天', '随时', '尽快', '那天',
    '那一天', '之日', '期末前', '期中前', '考试前', '开学前', '开学后', '放假前', '假期前', '年底前', '年前', '节前', '抽空', '抽个时间', '找一天', '挑个时间', '挑一天',
    'this weekend', 'next weekend', 'the weekend', 'weekend', 'next week', 'later', 'soon', 'asap', 'eow', 'end of week', 'eom', 'end of month', 'next sprint', 'someday',
  ],
  /** Moving a live by an amount (往后推一天, 提前半小时): later, or earlier. */
  shifts: {
    later: ['往后推迟', '往后推', '往后挪', '往后延', '向后推', '向后挪', '推迟', '推后', '延后', '延迟', '顺延', '挪后'],
    earlier: ['往前推', '往前挪', '往前提', '向前推', '向前挪', '提前', '提早', '挪前'],
  },
  /** Reminders: 提前15分钟提醒, 15分钟前通知大家, 不提醒. */
  reminders: {
    verbs: ['提醒', '通知', '叫我', '叫', '提我哋', '提我们', '提下我'],
    before: ['提前', '提早', '开始前', '开播前', '直播前'],
    not: ['不用', '不要', '不需要', '无需', '不', '别'],
  },
  /** A live that repeats: not something living/create makes. */
  repeating: ['连着讲', '连讲', '连着两周', '连着三周', '连着四周', '连续两周', '连续三周', '连续四周', '每周', '每个周', '每星期', '每个星期', '每礼拜', '每个礼拜', '每天', '每日', '每月', '每个月', '每晚', '每早', '隔周', '每隔', '每两周', '双周', 'every'],
  /** Another session asked for in the same breath (周六上午再来一场): one message makes one live. */
  moreSessions: ['再来一场', '再开一场', '再播一场', '再办一场', '再来一次', '再开一次', '再播一次', '再一场', '还有一场', '另一场'],
  /** An answer or a value that means "no description". */
  noDescription: ['无', '没有', '没', '不要', '不用', '不需要', '跳过', '空', '清空', '暂无', '略', '无描述', '不要描述', '不用描述', '去掉', '删掉', '-'],
  /** Yes to the bot's own question (是指下周三吗？, 要创建吗？). */
  yes: ['是', '是的', '对', '对的', '嗯', '嗯嗯', '没错', '好', '好的', '可以', '行', '确认', '确定', '创建', '创建吧', '就这样', '下周', '下周的', 'yes', 'y', 'ok'],
  /** An answer that gives nothing yet (还没想好, 随便): asked again, never taken as a theme. */
  undecided: ['还没想好', '没想好', '不知道', '不清楚', '随便', '你定', '你定吧', '随便你定', '待定', '还不确定', '不确定', '都行', '都可以', '再说', '还没定', '没定', '未定', '暂定', '还在想',
    // 主题我回头再发你: the theme comes later — asked, never 「我回头再发你」.
    '我回头再发你', '回头再发你', '回头再发', '回头发你', '晚点发你', '稍后发你', '我晚点发', '我回头发', '回头告诉你', '晚点告诉你',
    // 主题跟上次一样: a live the bot cannot see named by another — asked, never a theme.
    '跟上次一样', '和上次一样', '同上次', '跟上回一样', '和上回一样', '跟之前一样', '和之前一样', '跟以前一样', '老样子', '照旧', '同上'],
  /** Leaving a slot to the bot (你先随便起一个, 你帮我定): nothing the member decided. */
  delegations: ['你先随便起一个', '随便起一个', '随便起个', '你随便起', '你帮我起', '你帮我定', '帮我起一个', '帮我想一个', '你来定', '你定', '你起', '你看着办', '你看着起'],
  /** Words that take back what the same sentence just said (三点，哦不，三点半; 12月9号，不对，说错了，12月10号). */
  takeBacks: ['哦还是', '噢还是', '算了还是', '哦不对', '噢不对', '啊不对', '哦不', '噢不', '啊不', '不不', '不是', '不对', '说错了', '写错了', '打错了', '口误', '更正', '应该是', '唔是', '唔啱', '打错字'],
  /** Words that drop what was said and start over in the same message (算了，帮我建：…). */
  startOver: ['算了', '不对', '重来', '重新来', '换一个', '换个', '改一下'],
  /** Ways to drop an open question. */
  abandon: ['取消', '算了', '不用了', '不要了', '不创建了', '取消创建', '取消直播', '放弃', 'cancel', '算了不建了', '不建了', '不要建了', '算了不要了', '算了不用了', '不弄了', '算了吧', '不搞了', '先不建了', '算了不开了', '不开了', '先不开了', '先不弄了', '先不搞了', '不需要了', '等定了时间再说', '以后再说', '回头再说', '还是不直播了', '不直播了', '不用直播了', '不播了', '还是不播了', '还是算了', '还是不要了', '还是不用了', '不做了', '先不做了'],
  /** What may follow giving up without taking it back (不用了，我搞错了; 先不弄了，谢谢). */
  abandonTails: ['我搞错了', '搞错了', '弄错了', '谢谢', '谢啦', '不好意思', '抱歉', '取消这个想法', '这个想法取消'],
  /** Before an answer, words that correct what was said (算了换成下周五, 写错了，是11月27号): the rest is the answer. */
  corrections: ['算了换成', '还是换成', '那就叫做', '那就叫', '那就改成', '那改成', '那换成', '换成', '改成', '改为', '改到', '写错了', '说错了', '打错了', '打错字', '搞错了', '不好意思', '应该是', '那就'],
  /** Words before a command that ask to see something (看看我的直播, 查一下观看统计). */
  lookOpeners: ['看看', '看下', '看一下', '查一下', '查下', '查查', '查询', '查看', '列出', '发我', '给我看看', '发下', '发一下', '给我发', 'could you show me', 'could you show', 'can you show me', 'can you show', 'show me', 'please show'],
  /** A message that starts with one of these asks a question (怎么创建直播？) or a personal reminder, not a live. */
  questionStarts: ['怎么', '怎样', '如何', '为什么', '为啥', '能否', '是不是', '可不可以', '可以不可以', '请问', '提醒我', '记得提醒我'],
  /** A message that ends with one of these (before its punctuation) is a question too: 明天有直播吗？ */
  questionEnds: ['吗', '呢', '么', '怎么办', '咋办', '咋整', '多少', '是多少', '多久', '多久啊', '多长时间', '多长时间啊', '?'],
  /** Questions and reports about lives anywhere in a sentence (明天开不开直播, 已经建好直播了): not a request to make one. */
  notRequests: ['怎么', '怎样', '为什么', '为啥', '在哪', '哪里', '是否', '能不能改', '可以改吗', '需要什么', '不想', '不要开', '不开', '开不开', '有没有', '已经', '建好', '约了', '开了', '取消了吗', '建过', '开过', '约过', '不参加', '参加不了', '不去了', '去不了', '看不了', '的直播我', '替我去', '代我去', '替我参加', '那场直播的', '昨天直播', '昨天的直播', '上次直播', '上次的直播', '剪成', '剪辑一下', '剪辑成', '剪辑好', '整理好', '的回放', '效果不错', '效果很好', '效果挺好', '反馈很好', '反馈不错', '很成功', '挺成功', '有事打我', '打我电话', '有事找我', '有事call我', '直播挺好', '直播很好', '直播不错', '学到很多', '收获很大', '受益匪浅'],
  /** Right after a command word, a report (创建直播失败了), not arguments. */
  reportsAfter: ['失败', '成功', '了吗', '了没', '不了', '报错', '出错', '出问题', '的时候', '的话', '需要什么', '要什么', '有什么', '需要哪些', '有哪些', '怎么', '能不能', '可不可以', '权限', '的权限', '的步骤', '的流程'],
  /** An announcement to colleagues (明天下午3点开直播，大家准时参加) is not a request either. */
  announcements: ['大家', '准时参加', '记得参加', '欢迎参加', '请参加', '各位', '同事们', '通知：', '所有人', '记得', '准时观看', '欢迎观看', '敬请', '准时收看', '组织收看', '通知到人', '通知到位', '按时收看', '按时参加', '请各', '【通知】', '别忘了', '别忘记', '不要忘了', '别迟到', '不要迟到', '直播间见', '不见不散', '务必组织', '组织观看', '组织工人观看', '务必参加', '务必观看'],
  /** A whole message that greets, thanks, or asks for something else than lives (small-talk.ts). */
  greetings: ['你好', '您好', '在吗', '在不在', 'hi', 'hello', '嗨', '哈喽', '早上好', '上午好', '下午好', '晚上好', '早安', '晚安', '你是谁', '你能做什么'],
  thanks: ['谢谢', '谢谢你', '谢谢啦', '谢啦', '多谢', '感谢', '辛苦了', '唔该', '唔该晒', 'thanks', 'thank you', 'thx'],
  acknowledgements: ['好的', '好', 'ok', '收到', '明白了', '知道了', '嗯嗯', '了解'],
  /** What a colleague answers about a time (明天下午3点可以, 周五上午不方便): said of the time, not a live's name. */
  timeAnswers: ['可以', '可以的', '行', '行的', '没问题', '都行', '也行', '我都行', '有空', '没空', '方便', '不方便', '不行', 'ok', '好的'],
  /**
   * Words 直播 makes a noun with (直播带货培训, 直播间, 直播技巧分享): 直播 before them is part of the theme, not the verb
   * of a request (明天下午3点直播晨间交班 asks for a live called 晨间交班).
   */
  liveCompounds: [
    '带货', '间', '回放', '技巧', '运营', '电商', '话术', '数据', '规范', '流程', '复盘', '平台', '基地', '销售', '营销', '脚本', '设备', '账号',
    '推流', '团队', '行业', '经济', '培训', '系统', '功能', '权限', '助手', '礼仪', '规则', '方案', '效果', '结束', '中', '预告', '链接', '地址',
    '二维码', '入口', '详情', '列表', '信息', '观看', '人数', '统计', '名单', '主播', '嘉宾', '场景', '前', '后',
  ],
  /** Kinds of event a live is: 面试官培训 is a live, though 面试 alone is another task. */
  /** Words that make a sentence about a live or an event (取消明天的周会), not another task (取消明天食堂的订餐). */
  liveMarks: ['直播', '会', '课', '培训', '讲座', '分享'],
  liveKinds: ['直播', '培训', '分享', '讲座', '宣讲', '课程', '公开课', '发布会', '训练营', '沙龙', '研讨', '解读', '讲解', '答疑', '宣贯', '说明会', '复盘', '介绍'],
  otherTasks: ['会议室', '请假', '报销', '发邮件', '审批', '订票', '机票', '酒店', '外卖', '天气', '翻译', '写报告', '写代码', '订餐', '快递', '会议', '开会', '视频会议', '电话会议', '腾讯会议', '约会', '饭局', '面试', '请个假', '群发', '发通知', '见个面', '碰面', '碰个面', '吃饭'],
  /** Other platforms' lives (在抖音开个直播间): not a WeCom live the bot can make. */
  otherPlatforms: ['抖音', '快手', '视频号', '淘宝', '小红书', 'B站', '微博'],
} as const;

/** A regex alternation of `words`, longest first (so 大后天 is tried before 后天), each escaped. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|');
}

/** The value of the longest word of `table` at `text[at]`, with its length; undefined when none stands there. */
export function wordAt<V>(table: Record<string, V>, text: string, at: number): { word: string; value: V } | undefined {
  let best: { word: string; value: V } | undefined;
  for (const [word, value] of Object.entries(table)) {
    if ((!best || word.length > best.word.length) && text.startsWith(word, at)) best = { word, value };
  }
  return best;
}

/** The longest of `words` at `text[at]`, ignoring case; undefined when none stands there. */
export function oneOfAt(words: readonly string[], text: string, at: number): string | undefined {
  let best: string | undefined;
  const lower = text.slice(at, at + 12).toLowerCase();
  for (const w of words) if ((!best || w.length > best.length) && lower.startsWith(w.toLowerCase())) best = w;
  return best;
}
