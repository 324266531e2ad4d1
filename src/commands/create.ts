/** 创建直播 主题 时间 [时长] [描述]: the sender is the anchor; answers the live card with its ID. */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import type { Intent } from './parse.js';
import type { CommandContext, CommandHandler } from './context.js';

export const create: CommandHandler<Extract<Intent, { command: 'create' }>> = async (intent, ctx) => {
  const { settings } = ctx;
  const start = Math.floor(intent.start / 1000);
  const duration = intent.durationSeconds ?? settings.defaultDurationSeconds;
  const livingid = await createOnce(ctx, intent.theme, start, duration, intent.description);
  // Built from what we sent: a second call (get_living_info) would only add latency and a failure point.
  const info = {
    theme: intent.theme,
    living_start: start,
    living_duration: duration,
    status: 0 as const,
    anchor_userid: ctx.user,
    viewer_num: 0,
    description: intent.description,
  };
  return [{ kind: 'card', card: buildLiveCard({ livingid, info, headline: '直播已创建', timezone: settings.timezone, taskId: newTaskId('live') }) }];
};

/**
 * living/create is not idempotent: a message run again after its instance died must not create a second live.
 * The journal says whether an earlier run created it; when that run died mid-call, the anchor's lives are searched
 * for one with this theme and start (WeCom answers within its timeout, long before the queue re-runs a message).
 */
async function createOnce(ctx: CommandContext, theme: string, start: number, duration: number, description: string): Promise<string> {
  const step = await ctx.journal.begin('create');
  if (step.state === 'done') return step.value;
  const found = step.state === 'interrupted' ? await findCreated(ctx, theme, start) : undefined;
  const livingid =
    found ?? (await ctx.api.createLive(ctx.user, theme, start, duration, ctx.settings.defaultLiveType, description)).livingid;
  await ctx.journal.finish('create', livingid);
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
