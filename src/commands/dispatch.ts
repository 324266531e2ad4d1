/**
 * The seam between the callback endpoint and the commands: one function from a received message to the replies.
 * Texts are recognised (or read as the answer to an open question), card clicks read their button key, and both
 * run through the same command modules with the same permission checks; failures become one Chinese message and
 * one log line.
 */
import type { CreateState } from './create-draft.js';
import { readButtonKey } from '../cards/button-key.js';
import type { CallbackMessage } from '../callback/message.js';
import type { Logger } from '../log.js';
import { text, type Reply } from '../replies/reply.js';
import type { WeComApi } from '../wecom/client.js';
import { describeForLog } from '../wecom/client.js';
import type { Command, ReadEnv, ReadResult } from './command.js';
import type { CommandContext, CommandSettings, DeploymentStats } from './context.js';
import { conversationKey, type ConversationStore, MemoryConversations } from './conversation.js';
import { failureReply } from './failure.js';
import { NO_JOURNAL, type Journal } from './journal.js';
import { livingStatusReplies } from './living-status.js';
import { MemberNames } from './names.js';
import { Audiences } from '../audience/audiences.js';
import { LiveCalendar, type LiveSchedule } from '../calendar/live-calendar.js';
import { MemoryExpiringStore, type ExpiringStore } from '../expiring.js';
import { MemorySendQuota } from '../audience/quota.js';
import { SCHEDULES_PER_DAY } from '../wecom/client.js';
import { wecomDay } from '../zone.js';
import { SeriesStore, type SeriesOfLive, type SeriesRecord } from '../series/store.js';
import { recognize, type Recognized } from './recognize.js';
import { commandNamed, unknownText } from './registry.js';
import { alternation, WORDS } from './slots/words.js';
import { Reading } from './slots/reading.js';

/** Replies to send, each to a member (usually the sender). */
export interface Outgoing {
  to: string;
  reply: Reply;
}

export type Dispatcher = (message: CallbackMessage, journal?: Journal) => Promise<Outgoing[]>;

export interface DispatcherDeps {
  api: WeComApi;
  /** The deployment's API figures; this instance's alone by default. */
  deploymentStats?: () => Promise<DeploymentStats>;
  settings: CommandSettings;
  now: () => number;
  log: Logger;
  /** Open questions; in memory by default. */
  conversations?: ConversationStore;
  /** Sends a reply at once (progress before a long command ends); by default it goes with the command's replies. */
  sendNow?: (to: string, reply: Reply) => Promise<void>;
  /** Members' names; looked up with user/get by default. */
  names?: MemberNames;
  /** Invited audiences; in this process by default. */
  audiences?: Audiences;
  /** Lives' calendar entries; kept in this process by default. */
  calendar?: LiveCalendar;
  /** Series of lives; kept in this process by default. */
  series?: SeriesStore;
}

/** True when a command's arguments name a live (the member typed its ID, so a refusal suggests checking it). */
const holdsLivingId = (args: unknown): boolean => typeof args === 'object' && args !== null && 'livingid' in args;

/** The pseudo-command living_status_change events run as (for logs and the context). */
const LIVING_STATUS = { name: 'living-status' } as Command<any>;

/** Said when another command takes the place of an open question. */
const QUESTION_DROPPED = '（之前的问题没有回答，已放弃；需要时请重新发送。）';
/** What a member hears when a change could not be checked against the other instances (Redis down). */
export const HELD_UNVERIFIED = '服务的共享存储暂时不可用，无法确认这条消息是否已在另一台服务器上处理。为避免重复创建或修改，这次没有执行，请稍后再发送一次。';
/** 不对，改成4点 / 改到明天下午3点 / 时长改成2小时: a correction, with what to change. */
const CORRECTION = /^(?:不对|错了|搞错了|不是|等等|哦不)?[\s,，。!！]*((?:改成|改到|改为|换成|应该是|时间改|时长改|主题改|描述改|提醒改)\s*\S.*)$/s;
/** Where the live a member just made is remembered (as long as a question waits). */
const recentKey = (key: string) => `${key}#recent`;
const QUESTION_RESTARTED = '（按这条新消息重新开始，之前的问题已放弃。）';

/** True when what was read is a complete command: nothing after a bare word, or arguments that read in full. */
const isWholeCommand = (args: string, read: ReadResult<unknown>): boolean =>
  args.trim() === '' || ('args' in read && (holdsLivingId(read.args) || (typeof read.args === 'object' && read.args !== null && 'theme' in read.args)));

/** 我自己在企业微信里建, 我自己来吧: the member will do it without the bot. */
const MYSELF = String.raw`我?自己(?:去|在[^,，。]{1,12}?里?)?(?:来|建|弄|搞|创建|操作|设置)(?:一下)?(?:吧|了|就行|就好)?`;
// 算了，先不弄了; 算了我自己在企业微信里建: giving up, then more giving up or a reason.
/**
 * True when a message sent while `asking` waits for an answer is that answer. An answer may hold a command word
 * (导出功能演示, 统计分析培训 as a theme): it is another command only when it reads as a whole one — a bare command
 * word, or its ID or live in full — or starts the asking command over; a bare ID-like answer (Q4ProductLaunch2026 as
 * a theme) stays an answer.
 */
export function answersQuestion(asking: Command<any>, recognized: Recognized | null, read: ReadResult<unknown> | undefined, waiting?: unknown): boolean {
  const restart = recognized?.byWord && recognized.command === asking && read !== undefined && !('error' in read);
  return !restart && !(recognized && read && !recognized.idOnly && isWholeCommand(recognized.input.args, read)) && !anotherLive(waiting, recognized, read);
}

/**
 * 明天下午3点「初三数学试听课」 shown to confirm ⇒ 再帮我建一个：后天下午3点「初三英语试听课」: a live complete in itself,
 * sent while another waits for 是, is a new request — not a change to the one waiting.
 */
function anotherLive(waiting: unknown, recognized: Recognized | null, read: ReadResult<unknown> | undefined): boolean {
  if ((waiting as { asked?: unknown } | undefined)?.asked !== 'confirm' || recognized?.command.name !== 'create' || !read || !('ask' in read)) return false;
  const state = read.ask.state as CreateState | undefined;
  return state?.asked === 'confirm' && state.slots.theme !== undefined && state.slots.start !== undefined && !state.slots.series;
}

const ABANDON = new RegExp(`^(?:${alternation(WORDS.abandon)})(?:[。.!！~，,\\s]*(?:${alternation([...WORDS.abandon, ...WORDS.abandonTails])}|${MYSELF}))*[。.!！~，,]*$`, 'i');
/** True when `answer` drops the open question (取消, 算了不建了). */
export const abandons = (answer: string): boolean => ABANDON.test(answer.trim());

/** Builds the dispatcher of the bot's commands. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const deploymentStats =
    deps.deploymentStats ??
    (async () => {
      const stats = deps.api.getApiStats();
      return { total: stats, instances: [{ instance: 'this', stats, at: new Date().toISOString() }] };
    });
  const conversations = deps.conversations ?? new MemoryConversations({ now: deps.now });
  const names = deps.names ?? new MemberNames(deps.api);
  const audiences = deps.audiences ?? Audiences.inMemory(deps.api, { now: deps.now }, deps.settings.timezone, deps.log);
  const series = deps.series ?? new SeriesStore(new MemoryExpiringStore<SeriesRecord>({ now: deps.now }), new MemoryExpiringStore<SeriesOfLive>({ now: deps.now }));
  const calendar =
    deps.calendar ??
    new LiveCalendar(deps.api, new MemoryExpiringStore<LiveSchedule>({ now: deps.now }), {}, deps.log, {
      quota: new MemorySendQuota(SCHEDULES_PER_DAY),
      day: () => wecomDay(deps.now()),
    });

  return async (message, journal = NO_JOURNAL) => {
    const outgoing: Outgoing[] = [];
    const reply = (replies: Reply[]) => outgoing.push(...replies.map((r) => ({ to: message.from, reply: r })));
    const key = conversationKey(message.from, message.kind === 'text' || message.kind === 'card-click' ? message.chat : undefined);
    const context = (command: Command<any>, click?: CommandContext['click']): CommandContext => ({
      user: message.from,
      api: deps.api,
      now: deps.now,
      settings: deps.settings,
      log: deps.log,
      journal,
      deploymentStats,
      tell: (to, r) => void outgoing.push({ to, reply: r }),
      sayNow: async (r) => {
        if (deps.sendNow) await deps.sendNow(message.from, r);
        else outgoing.push({ to: message.from, reply: r });
      },
      names,
      audiences,
      calendar,
      series,
      ask: async (question, state) => {
        await conversations.set(key, { command: command.name, state });
        return [text(question)];
      },
      remember: (livingid) => conversations.set(recentKey(key), { command: 'recent', state: { livingid } }),
      ...(click ? { click } : {}),
    });
    const run = async (command: Command<any>, work: (ctx: CommandContext) => Promise<Reply[]>, ctx: CommandContext, aboutTypedId = false, changes = command.changes?.run === true) => {
      // Redis could not say whether another instance took this message: nothing that changes a live runs twice.
      if (message.unverified && changes) {
        deps.log.warn({ command: command.name, user: ctx.user }, 'command held: shared de-duplication unavailable');
        return reply([text(HELD_UNVERIFIED)]);
      }
      try {
        reply(await work(ctx));
      } catch (error) {
        deps.log.warn({ command: command.name, user: ctx.user, err: describeForLog(error) }, 'command failed');
        reply([failureReply(error, command.name, aboutTypedId)]);
      }
    };
    const env = (): ReadEnv => ({ now: deps.now(), timezone: deps.settings.timezone });
    /** Runs what was read: the command, a question (kept for the next message), or the refusal. */
    const settle = async (command: Command<any>, result: ReadResult<unknown>, options: { typed: boolean; click?: CommandContext['click']; open: boolean }) => {
      if ('ask' in result) {
        await conversations.set(key, { command: command.name, state: result.ask.state });
        return reply([text(result.ask.text)]);
      }
      if ('error' in result) {
        if (options.open) await conversations.delete(key);
        return reply([text(result.message)]);
      }
      const answered = options.open ? JSON.stringify(await conversations.get(key)) : undefined;
      await run(command, (ctx) => command.run(result.args, ctx), context(command, options.click), options.typed && holdsLivingId(result.args));
      // Dropped only once the answer has run: an instance that dies mid-run leaves the question for the one that
      // runs the message again (a member's messages run one at a time); a new question the run asked stays.
      if (options.open && JSON.stringify(await conversations.get(key)) === answered) await conversations.delete(key);
    };

    switch (message.kind) {
      case 'text': {
        const recognized = recognize(message.content, deps.now(), deps.settings.timezone);
        const read = recognized?.command.read(recognized.input, env());
        const open = await conversations.get(key);
        if (open) {
          if (abandons(message.content)) {
            await conversations.delete(key);
            reply([text(commandNamed(open.command)?.abandoned ?? '好的，已放弃。')]);
            break;
          }
          const asking = commandNamed(open.command);
          if (asking?.resume && answersQuestion(asking, recognized, read, open.state)) {
            await settle(asking, asking.resume(open.state, message.content, env()), { typed: false, open: true });
            break;
          }
        }
        // 不对，改成4点 right after a live was made: a change to that live.
        const correction = !open && CORRECTION.exec(message.content.normalize('NFKC').trim());
        const recent = correction ? await conversations.get(recentKey(key)) : undefined;
        if (correction && recent) {
          const { livingid } = recent.state as { livingid: string };
          const modify = commandNamed('modify')!;
          const changed = recognize(`修改直播 ${livingid} ${correction[1]}`, deps.now(), deps.settings.timezone);
          if (changed?.command === modify) {
            await settle(modify, modify.read(changed.input, env()), { typed: true, open: false });
            break;
          }
        }
        if (!recognized || !read) {
          if (open) await conversations.delete(key);
          reply([text(unknownText(message.content))]);
          break;
        }
        await settle(recognized.command, read, { typed: true, open: Boolean(open) });
        // Another command took the place of the question, or a sentence started the same one over: say so.
        if (open && (recognized.command.name !== open.command || !recognized.byWord)) {
          reply([text(recognized.command.name === open.command ? QUESTION_RESTARTED : QUESTION_DROPPED)]);
        }
        break;
      }
      case 'card-click': {
        const button = readButtonKey(message.eventKey);
        const command = button && commandNamed(button.command);
        const action = button?.action ? command?.actions?.[button.action] : undefined;
        if (!button || !command || (button.action && !action)) {
          reply([text('这个按钮已失效，请重新发送命令。')]);
          break;
        }
        const click = { responseCode: message.responseCode, taskId: message.taskId };
        const arg = button.arg ?? '';
        if (action) {
          await run(command, (c) => action(arg, c), context(command, click), false, command.changes?.actions?.includes(button.action!) === true);
          break;
        }
        const read = command.read({ text: arg, reading: Reading.of(arg), cues: [], args: arg }, env());
        await settle(command, read, { typed: false, click, open: false });
        break;
      }
      case 'living-status': {
        try {
          const { to, replies } = await livingStatusReplies(message, context(LIVING_STATUS));
          outgoing.push(...replies.map((r) => ({ to, reply: r })));
        } catch (error) {
          deps.log.warn({ livingId: message.livingId, err: describeForLog(error) }, 'living status change not announced');
        }
        break;
      }
      case 'other':
        reply([text('暂只支持文字消息。发送「帮助」查看可用命令。')]);
        break;
      case 'event':
        break;
    }
    return outgoing;
  };
}
