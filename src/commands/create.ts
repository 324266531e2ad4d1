/**
 * 创建直播: the sender is the anchor. Theme, time (or a range), duration, reminder and description are read in any
 * order and from whole sentences (帮我明天下午3点开个周会直播); what is missing or in doubt is asked, one question
 * at a time. Answers the live card, which states everything that was understood.
 */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import { defineCommand } from './command.js';
import type { CommandContext } from './context.js';
import { decideCreate, resumeCreate, type CreateArgs, type CreateState } from './create-draft.js';
import { readSlots } from './slots/read.js';
import { invitedText, inviteTo } from './invite.js';
import type { InvitedPart } from '../audience/store.js';
import { seriesInvitation } from '../series/invitation.js';
import { newSeriesId, type SeriesLive } from '../series/store.js';
import { WeComError } from '../wecom/errors.js';
import { problemZh } from '../wecom/problems.js';
import { formatTime } from '../zone.js';
import type { Reply } from '../replies/reply.js';
import { calendarLive } from '../calendar/live-calendar.js';
import { text } from '../replies/reply.js';

/** 开个周会直播, 约一场直播, 创建一个直播(叫…): a verb, a measure word, maybe the theme, then 直播 (and the word that names it). */
const SENTENCE = /(创建|新建|预约|安排|发起|做成|(?:做|起)(?=个|一场|场)|(?:临时)?加(?=一场|场)|开(?!始|播|幕|学|放|工)|约|建|办|搞|弄|整)(?![过了好完])\s*(?:一|1|两|2|几)?\s*(?:个|场|下(?![下周个星礼月午]))?\s*([^,，。!！?？\s「“"《【『]{0,20}?)\s*(?:临时|紧急|线上|在线|网上)?直播(?:间|课|活动)?(?:叫做|就叫|名叫|名为|叫(?=[^\s,，。]))?/d;

export const create = defineCommand<CreateArgs>({
  name: 'create',
  words: [
    '创建直播活动', '创建直播间', '新建直播间', '开直播间', '预约直播课', '创建直播课', '直播预约', '创建直播', '新建直播', '预约直播', '开直播',
    '约直播', '发起直播', '安排直播', '创建', '新建', '预约', '开播', 'set up a live stream', 'set up a livestream', 'set up a live', 'create a live stream', 'create a livestream',
    'schedule a live stream', 'schedule a livestream', 'schedule a live', 'create a live', 'create live', 'create', 'new live', 'schedule', 'live',
  ],
  sentence(text) {
    const m = SENTENCE.exec(text);
    if (!m?.indices) return null;
    const [start, end] = m.indices[0]!;
    // The verb and measure word, and 直播; what stands between (周会) stays for the slot reader.
    return [
      { start, end: m.indices[2]![0] },
      { start: m.indices[2]![1], end },
    ];
  },
  example: '创建直播 周会 明天15:00 1小时 本周进展同步',
  help: [
    '创建直播 主题 时间 [时长] [提醒] [描述]',
    '　例：创建直播 周会 明天15:00 1小时 提前30分钟提醒 本周进展同步',
    '　也可以：创建直播 明天9:00-11:30 周会、帮我明天下午3点开个周会直播；缺什么我会问',
  ],
  read: (input, env) => decideCreate(readSlots(input.text, env.now, env.timezone, { cues: input.cues }), env, input.implied === true),
  resume: (state, answer, env) => resumeCreate(state as CreateState, answer, env),
  abandoned: '好的，已放弃，什么也没有创建。',
  changes: { run: true },
  async run(args, ctx) {
    const { settings } = ctx;
    const start = Math.floor(args.start / 1000);
    const duration = args.durationSeconds ?? settings.defaultDurationSeconds;
    const remind = args.remindSeconds ?? settings.defaultRemindSeconds;
    // 邀请 销售部: the names are matched before anything is created — a live with the wrong audience is no better.
    const matched = args.audience ? await ctx.audiences.match(args.audience) : undefined;
    if (matched && 'problems' in matched) return [text(`直播没有创建，邀请名单有问题：\n${matched.problems.join('\n')}\n请改正后重新发送。`)];
    if (args.series) return createSeries(ctx, args, args.series, duration, remind, matched?.parts);
    const [livingid, anchorName] = await Promise.all([
      createOnce(ctx, { theme: args.theme, start, duration, description: args.description, remind }),
      ctx.names.nameOf(ctx.user),
    ]);
    await ctx.remember(livingid);
    // Built from what we sent: a second call (get_living_info) would only add latency and a failure point.
    const info = {
      theme: args.theme,
      living_start: start,
      living_duration: duration,
      status: 0 as const,
      anchor_userid: ctx.user,
      viewer_num: 0,
      description: args.description,
    };
    const card = buildLiveCard({ livingid, info, headline: '直播已创建', timezone: settings.timezone, taskId: newTaskId('live'), anchorName, remindSeconds: remind });
    if (!matched) return [{ kind: 'card', card }];
    const invited = await inviteTo(ctx, livingid, info, matched.parts);
    // An invited audience gets the live on its calendars too; a calendar failure is said, the live stays.
    const members = (await ctx.audiences.get(livingid))?.members.map((m) => m.userid) ?? [];
    const entry = await ctx.calendar.add(calendarLive(livingid, info, anchorName, remind), members);
    const calendarLine = 'ok' in entry ? `已加入主播和 ${entry.ok.attendees.length} 位受邀人的日程。` : entry.problem;
    return [{ kind: 'card', card }, text(`${invited}\n${calendarLine}`)];
  },
});

/**
 * living/create is not idempotent: a message run again after its instance died must not create a second live.
 * The journal says whether an earlier run created it; when that run died mid-call, the anchor's lives are searched
 * for one with this theme and start (WeCom answers within its timeout, long before the queue re-runs a message).
 */
interface NewLive {
  theme: string;
  /** Unix seconds. */
  start: number;
  duration: number;
  description: string;
  remind: number;
}

async function createOnce(ctx: CommandContext, live: NewLive, stepName = 'create'): Promise<string> {
  const { theme, start, duration, description, remind } = live;
  const step = await ctx.journal.begin(stepName);
  if (step.state === 'done') return step.value;
  const found = step.state === 'interrupted' ? await findCreated(ctx, theme, start) : undefined;
  const livingid =
    found ??
    (await ctx.api.createLive(ctx.user, theme, start, duration, ctx.settings.defaultLiveType, description, { remindTime: remind })).livingid;
  await ctx.journal.finish(stepName, livingid);
  ctx.log.info({ livingid, anchor: ctx.user, recovered: Boolean(found) }, 'live created');
  return livingid;
}

/** How many of the anchor's newest lives are searched for one an interrupted run created. */
const RECENT = 20;

async function findCreated(ctx: CommandContext, theme: string, start: number): Promise<string | undefined> {
  let seen = 0;
  for await (const id of ctx.api.allLivingids(ctx.user)) {
    const { living_info: live } = await ctx.api.getLivingInfo(id);
    if (live.theme === theme && live.living_start === start) return id;
    if (++seen >= RECENT) break;
  }
  return undefined;
}

/** A journal step's value for a session WeCom refused (never a livingid, which has no colon). */
const REFUSED = 'refused:';

/**
 * Every live of a confirmed series, one living/create each (WeCom has no recurring live), each a step of the
 * message's journal: a run that died halfway is finished by the next without creating any live twice. A session
 * WeCom refuses is named; the others go on. The series is kept under its own ID for 取消系列.
 */
async function createSeries(ctx: CommandContext, args: CreateArgs, starts: readonly number[], duration: number, remind: number, audience?: readonly InvitedPart[]): Promise<Reply[]> {
  const lives: SeriesLive[] = [];
  const failed: string[] = [];
  for (const [i, startMs] of starts.entries()) {
    const start = Math.floor(startMs / 1000);
    try {
      const livingid = await createOnce(ctx, { theme: args.theme, start, duration, description: args.description, remind }, `create:${i}`);
      // A session WeCom refused in an earlier run of this message stays refused (not tried again after the invitation).
      if (livingid.startsWith(REFUSED)) failed.push(`${formatTime(startMs, ctx.settings.timezone)}：${livingid.slice(REFUSED.length)}`);
      else lives.push({ livingid, start });
    } catch (error) {
      if (!(error instanceof WeComError)) throw error;
      failed.push(`${formatTime(startMs, ctx.settings.timezone)}：${problemZh(error)}`);
      await ctx.journal.finish(`create:${i}`, `${REFUSED}${problemZh(error)}`);
    }
  }
  if (lives.length === 0) return [text(`系列直播「${args.theme}」一场也没有创建：\n${failed.join('\n')}`)];
  const step = await ctx.journal.begin('series');
  const seriesId = step.state === 'done' ? step.value : newSeriesId();
  await ctx.series.save({ seriesId, theme: args.theme, anchor: ctx.user, lives });
  await ctx.journal.finish('series', seriesId);
  await ctx.remember(lives[0]!.livingid);
  const when = (s: number) => formatTime(s * 1000, ctx.settings.timezone);
  const lines = [
    `已创建系列直播「${args.theme}」，共${lives.length}场（系列ID ${seriesId}）：`,
    ...lives.map((l, i) => `${i + 1}. ${when(l.start)} ${l.livingid}`),
    ...(failed.length > 0 ? [`没有创建的${failed.length}场：`, ...failed] : []),
    ...(audience ? await inviteToSeries(ctx, args, lives, duration, remind, audience) : []),
    `取消剩下的场次：取消系列 ${seriesId}`,
  ];
  return [text(lines.join('\n'))];
}

/**
 * A series' audience: one invitation for every session, each session's audience recorded (completion per session),
 * and every session on the audience's calendars. The invitation is a journal step: a run finishing after a crash
 * does not send it again.
 */
async function inviteToSeries(ctx: CommandContext, args: CreateArgs, lives: readonly SeriesLive[], duration: number, remind: number, parts: readonly InvitedPart[]): Promise<string[]> {
  const anchorName = await ctx.names.nameOf(ctx.user);
  const step = await ctx.journal.begin('invite');
  let invited: string;
  if (step.state === 'done') invited = step.value;
  else {
    const sessions = lives.map((l) => ({ livingid: l.livingid, theme: args.theme, living_start: l.start }));
    const body = seriesInvitation(args.theme, anchorName, lives, ctx.settings.timezone);
    invited = invitedText(await ctx.audiences.inviteSeries(sessions, parts, body), parts, `发送「邀请 ${lives[0]!.livingid} ${args.audience ?? ''}」`);
    await ctx.journal.finish('invite', invited);
  }
  const members = (await ctx.audiences.get(lives[0]!.livingid))?.members.map((m) => m.userid) ?? [];
  const problems: string[] = [];
  for (const l of lives) {
    const info = { theme: args.theme, living_start: l.start, living_duration: duration, description: args.description, anchor_userid: ctx.user };
    const entry = await ctx.calendar.add(calendarLive(l.livingid, info, anchorName, remind), members);
    if ('problem' in entry) problems.push(entry.problem);
  }
  // The same refusal (no 日程 permission) for every session is said once.
  const calendarLine = problems.length === 0 ? `每一场都已加入主播和 ${members.length} 位受邀人的日程。` : [...new Set(problems)].join('\n');
  return [invited, calendarLine];
}
