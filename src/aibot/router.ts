/**
 * The 智能机器人's callback URL (docs/wecom-aibot-protocol.md): the same care as the app's endpoint — signature,
 * replay window, decryption (ReceiveId "", JSON), body limit, the same refusal statuses — in front of the same
 * commands. A command that finishes within the deadline is answered in the HTTP response itself (a finished stream,
 * with the first card beside it in a single chat); a slower one is answered "处理中" at once and finished through
 * WeCom's stream refreshes, or, when WeCom has stopped refreshing, once through the message's response_url.
 * Streams and cards live in stores (Redis when scaled out), so a refresh or a click reaching another instance is
 * answered. Conversations are per chat and member. The sender is the anchor of what they create.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { readBody } from '../callback/body.js';
import { CallbackBadRequest } from '../callback/errors.js';
import type { CardClick, TextMessage } from '../callback/message.js';
import { refuse, reply } from '../callback/respond.js';
import { MemoryInProgress, type InProgress } from './in-progress.js';
import { userKey } from '../userid.js';
import { clientOf, type EndpointGuards } from '../callback/router.js';
import { LogDigest } from '../log-digest.js';
import { openSealed, readSignedQuery } from '../callback/sealed.js';
import type { Dispatcher, Outgoing } from '../commands/dispatch.js';
import { newTaskId } from '../cards/limits.js';
import { typedForButton } from '../commands/registry.js';
import type { ExpiringStore } from '../expiring.js';
import type { Reply } from '../replies/reply.js';
import type { WeComCrypto } from '../wecom/crypto.js';
import type { AibotResponseBody, TemplateCard } from '../wecom/types.js';
import { parseAibotMessage, type AibotMessage } from './message.js';
import { responseBody, streamContent, streamReply } from './passive.js';

/** A stream WeCom may refresh: what it shows now, and whether that is the end. */
export interface StreamState {
  done: boolean;
  content: string;
  card?: TemplateCard;
  /** A refresh has shown the finished result: response_url is not needed (and a repeated refresh gets it again). */
  collected?: boolean;
  /** Who asked, and where: a refresh from anyone else is answered 处理中, never with this result. */
  owner: string;
}

/** The conversation a message belongs to: the group, or the member's single chat with the bot. */
const chatOf = (m: { chat: { type: 'single' } | { type: 'group'; id: string } }): string => (m.chat.type === 'group' ? `group:${m.chat.id}` : 'aibot');

/** A stream's owner: the member (as WeCom compares userids) and the chat (the group, or their single chat). */
const ownerOf = (m: { from: string; chat: { type: 'single' } | { type: 'group'; id: string } }): string =>
  `${userKey(m.from)}|${m.chat.type === 'group' ? `group:${m.chat.id}` : 'single'}`;

/** How long answers may take; WeCom's limits by default, shorter in tests. */
export interface AibotTiming {
  /** How long a command may take to be answered in the callback's own response; default 3,000 ms. */
  deadlineMs?: number;
  /** How long a card click may take before it is answered empty (WeCom waits 5 s); default 4,000 ms. */
  clickDeadlineMs?: number;
  /** How long WeCom refreshes a stream after the member's message; default 6 minutes (§3.2). */
  streamWindowMs?: number;
}

export interface AibotOptions extends EndpointGuards, AibotTiming {
  /** The AI bot's Token and EncodingAESKey, with ReceiveId "". */
  crypto: WeComCrypto;
  dispatch: Dispatcher;
  /** Replies for someone other than the sender (an anchor's notice), and private data asked for in a group. */
  sendViaApp: (to: string, reply: Reply) => Promise<void>;
  /** POSTs one answer to a callback's response_url (WeComApi.respondToAibot). */
  respond: (responseUrl: string, body: AibotResponseBody) => Promise<unknown>;
  /** Unfinished streams by id, read by whichever instance a refresh reaches. */
  streams: ExpiringStore<StreamState>;
  /** Messages in progress per member (3 at most), shared across instances when scaled out. */
  inProgress?: InProgress;
  /** Cards sent in this channel by task_id, so a click can grey out the card it came from. */
  cards: ExpiringStore<TemplateCard>;
  /** The bot's name as members @-mention it. */
  name: string;
  /** True when the stores are shared (Redis): after a stop, other instances answer this one's refreshes. */
  sharedState?: boolean;
}

/** WeCom refreshes an unfinished stream for 6 minutes from the member's message. */
export const STREAM_WINDOW_MS = 6 * 60_000;
const WELCOME = '你好，我是直播助手。可以这样说：\n• 创建直播 周会 明天15:00\n• 我的直播\n• 帮助';
const WORKING = '处理中…';
const PRIVATE_NOTE = '结果涉及观看数据，已通过应用消息私信发给你。';
const FAILED = '处理消息时出错，请稍后再试。';

/** Watch figures and the attendance sheet: for the asker's eyes, never a group's. */
const isPrivate = (r: Reply): boolean => r.kind === 'file' || (r.kind === 'card' && r.card.main_title.desc === '观看统计');

/** A click is answered within WeCom's 5 s: the card update in the response, the rest through the app. */
const CLICK_DEADLINE_MS = 4000;
/** How long a sent card can still be clicked and greyed out. */
const CARD_TTL_MS = 7 * 24 * 3600_000;
const IN_PROGRESS_MAX = 3;

type Chat = Extract<AibotMessage, { kind: 'text' }>;

/** A stream id of our own (WeCom echoes it in its refreshes). */
const newStreamId = (): string => `s${randomBytes(9).toString('base64url')}`;

/** Resolves to `work`'s value, or to undefined after `ms` (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The handler of the AI bot's callback path (GET URL check, POST callbacks). */
export function createAibotHandler(options: AibotOptions) {
  const { crypto, clock, logger, streams, cards } = options;
  const refusals = options.refusals ?? new LogDigest(logger, 'info', 'callback refused');
  const windowMs = options.streamWindowMs ?? STREAM_WINDOW_MS;
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  const inProgress = options.inProgress ?? new MemoryInProgress();
  /** Commands still running (answered 处理中 or a late click): a clean stop waits for them. */
  const running = new Set<Promise<unknown>>();
  /** Finished results no refresh has collected yet, checked when WeCom's refreshes stop (by stream id). */
  const uncollected = new Map<string, () => Promise<void>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.catch(() => undefined).finally(() => running.delete(work));
    return work;
  };

  /** The encrypted passive reply: signed with the callback's own nonce (§5). */
  const passive = (res: ServerResponse, nonce: string, plaintext: object) => {
    const encrypt = crypto.encrypt(JSON.stringify(plaintext));
    const timestamp = String(nowSeconds());
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ encrypt, msgsignature: crypto.sign(timestamp, nonce, encrypt), timestamp: Number(timestamp), nonce }));
  };

  const keep = async (card: TemplateCard | undefined) => {
    if (card?.task_id) await cards.set(card.task_id, card, CARD_TTL_MS).catch(() => undefined);
  };
  const viaApp = (to: string, r: Reply) => options.sendViaApp(to, r).catch((error: unknown) => logger.warn({ err: String(error) }, 'aibot: app message failed'));
  /** Replies for the app, in the background and in order: its per-member window must not hold up the answer here. */
  const viaAppLater = (outgoing: Outgoing[]) =>
    void track((async () => {
      for (const { to, reply: r } of outgoing) await viaApp(to, r);
    })());

  /**
   * The member's answer once the stream can no longer show it: once through the callback's response_url (a card
   * only in a single chat), and if WeCom refuses that, privately through the app, so nothing is lost.
   */
  const pushLate = async (m: Pick<Chat, 'from' | 'chat' | 'responseUrl'>, replies: Reply[]) => {
    if (replies.length === 0) return;
    const body = responseBody(replies, m.chat.type === 'single', typedForButton);
    try {
      if (!m.responseUrl) throw new Error('the callback carried no response_url');
      await options.respond(m.responseUrl, body);
      if (body.msgtype === 'template_card') await keep(body.template_card);
    } catch (error) {
      logger.warn({ err: String(error), from: m.from }, 'aibot: response_url refused, answering through the app');
      for (const r of replies) await viaApp(m.from, r);
    }
  };

  /**
   * A click on a card this channel sent: the card's update is the passive answer (update_template_card, same
   * task_id); anything else the command answers goes to the member through the app. A command slower than
   * WeCom's 5 s is answered empty and its result pushed through the click's response_url.
   */
  const click = async (m: Extract<AibotMessage, { kind: 'card-click' }>, res: ServerResponse, nonce: string, unverified: boolean): Promise<string> => {
    const message: CardClick = {
      kind: 'card-click',
      from: m.from,
      chat: chatOf(m),
      createTime: nowSeconds(),
      agentId: 'aibot',
      dedupeKey: `aibot:${m.msgid}`,
      eventKey: m.eventKey,
      taskId: m.taskId,
      cardType: 'button_interaction',
      responseCode: '',
      ...(unverified ? { unverified: true as const } : {}),
    };
    const work = track(options.dispatch(message));
    const outgoing = await within(work, options.clickDeadlineMs ?? CLICK_DEADLINE_MS);
    if (!outgoing) {
      reply(res, 200, '');
      void track(work.then(
        async (late) => {
          const mine: Reply[] = [];
          for (const { to, reply: r } of late) {
            if (to !== m.from) await viaApp(to, r);
            // A new message needs its own task_id (unique per bot); the clicked card keeps its own.
            else if (r.kind === 'replace-card') mine.push({ kind: 'card', card: { ...r.card, task_id: newTaskId('late') } });
            else if (r.kind !== 'update-card') mine.push(r);
          }
          await pushLate(m, mine);
        },
        (error: unknown) => logger.error({ err: String(error) }, 'aibot: card click failed'),
      ));
      return 'click-late';
    }
    let update: TemplateCard | undefined;
    const others: Outgoing[] = [];
    const toClicker: Reply[] = [];
    for (const o of outgoing) {
      const { to, reply: r } = o;
      if (to === m.from && r.kind === 'replace-card') update = { ...r.card, task_id: m.taskId };
      else if (to === m.from && r.kind === 'update-card') {
        const clicked = await cards.get(m.taskId).catch(() => undefined);
        // Greyed out as the app's replace_name does: the same card, one inert button with the new label.
        if (clicked) update = { ...clicked, button_list: [{ text: r.replaceName, style: 4, key: `done:${m.taskId}` }] };
      } else if (to === m.from) toClicker.push(r);
      else others.push(o);
    }
    // The card first (WeCom's 5 s); what the clicker is told (修改's question) in the chat where they clicked,
    // through the click's response_url; what goes to others through the app.
    if (toClicker.length > 0) void track(pushLate(m, toClicker));
    viaAppLater(others);
    if (!update) {
      reply(res, 200, '');
      return 'click';
    }
    void keep(update);
    passive(res, nonce, { response_type: 'update_template_card', userids: [m.from], template_card: update });
    return 'click-update';
  };

  /** Runs a member's text through the commands; the sender's replies come back, the rest go through the app. */
  const run = async (m: Extract<AibotMessage, { kind: 'text' }>, unverified: boolean): Promise<Reply[]> => {
    const message: TextMessage = {
      ...(unverified ? { unverified: true as const } : {}),
      chat: chatOf(m),
      kind: 'text',
      from: m.from,
      createTime: nowSeconds(),
      agentId: 'aibot',
      dedupeKey: `aibot:${m.msgid}`,
      msgId: m.msgid,
      content: m.content,
    };
    const outgoing: Outgoing[] = await options.dispatch(message);
    // In a group, an answer that holds private data (watch figures, the attendance sheet) goes to the asker
    // through the app, all of it (the sheet's summary line too), and the group gets a short note.
    const privately = m.chat.type === 'group' && outgoing.some(({ to, reply: r }) => to === m.from && isPrivate(r));
    const mine: Reply[] = [];
    const elsewhere: Outgoing[] = [];
    for (const o of outgoing) {
      if (o.to !== m.from || privately) elsewhere.push(o);
      else mine.push(o.reply);
    }
    if (privately) mine.push({ kind: 'text', content: PRIVATE_NOTE });
    viaAppLater(elsewhere);
    return mine;
  };

  const message = async (req: IncomingMessage, res: ServerResponse, params: URLSearchParams, started: number) => {
    const query = readSignedQuery(params);
    const body = await readBody(req, options.bodyLimitBytes);
    let encrypted: unknown;
    try {
      encrypted = (JSON.parse(body) as { encrypt?: unknown }).encrypt;
    } catch {
      throw new CallbackBadRequest('malformed-message');
    }
    if (typeof encrypted !== 'string' || encrypted === '') throw new CallbackBadRequest('malformed-message');
    const m = parseAibotMessage(openSealed(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds), options.name);
    const outcome = (o: string) => {
      options.onOutcome?.(o);
      logger.debug({ channel: 'aibot', outcome: o, kind: m.kind, from: m.from, ms: Math.round(performance.now() - started) }, 'callback');
    };
    if (m.kind === 'stream-refresh') {
      const state = await streams.get(m.streamId).catch(() => undefined);
      // Unknown here (another instance's memory, a restart): never a final "expired" that invites sending 创建直播
      // again — the instance running it answers through response_url when the refreshes stop. Someone else's
      // stream id (another member, another chat) reads the same: 处理中, never their result.
      if (!state || state.owner !== ownerOf(m)) return void (passive(res, query.nonce, streamReply(m.streamId, false, WORKING)), outcome(state ? 'refresh-not-owner' : 'refresh-unknown'));
      // Collected: nothing is left for response_url to push; a repeated refresh is answered the same.
      if (state.done && !state.collected) await streams.set(m.streamId, { ...state, collected: true }, windowMs).catch(() => undefined);
      passive(res, query.nonce, streamReply(m.streamId, state.done, state.content, state.done ? state.card : undefined));
      return outcome('refresh');
    }
    // WeCom may deliver the same callback again: a message runs once (its id, shared through Redis when scaled out).
    const claim = await options.dedupe.claim(`aibot:${m.msgid}`, options.dedupeTtlSeconds);
    if (claim === 'repeat') {
      reply(res, 200, '');
      return outcome('duplicate');
    }
    const unverified = claim === 'unverified';
    if (m.kind === 'card-click') return outcome(await click(m, res, query.nonce, unverified));
    if (m.kind === 'enter-chat') {
      passive(res, query.nonce, { msgtype: 'text', text: { content: WELCOME } });
      return outcome('welcome');
    }
    if (m.kind !== 'text') {
      reply(res, 200, '');
      return outcome('ignored');
    }
    // Only the @mention: say what the bot can do.
    if (m.content.trim() === '') {
      passive(res, query.nonce, streamReply(newStreamId(), true, WELCOME));
      return outcome('welcome');
    }
    // WeCom lets a member have 3 messages in progress with the bot; a fourth is told to wait, not queued behind them.
    if (!(await inProgress.enter(m.from, IN_PROGRESS_MAX))) {
      passive(res, query.nonce, streamReply(newStreamId(), true, '你还有3条消息正在处理，请稍后再发。'));
      return outcome('member-busy');
    }
    const streamId = newStreamId();
    const cardsAllowed = m.chat.type === 'single';
    const closes = clock.now() + windowMs;
    const work = track(run(m, unverified)).finally(() => void inProgress.leave(m.from));
    const settled = work.then(
      (replies) => ({ replies }),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'aibot: command failed');
        return { replies: [{ kind: 'text', content: FAILED }] as Reply[] };
      },
    );
    const early = await within(settled, options.deadlineMs ?? 3000);
    if (early) {
      const content = streamContent(early.replies, cardsAllowed, typedForButton);
      await keep(content.card);
      passive(res, query.nonce, streamReply(streamId, true, content.content, content.card));
      return outcome('ok');
    }
    // 处理中 now; the result through the refreshes WeCom sends for this stream id (any instance reads the store).
    const owner = ownerOf(m);
    await streams.set(streamId, { done: false, content: WORKING, owner }, Math.max(1, closes - clock.now())).catch(() => undefined);
    passive(res, query.nonce, streamReply(streamId, false, WORKING));
    outcome('streaming');
    void track(settled.then(async ({ replies }) => {
      const left = closes - clock.now();
      if (left <= 0) {
        await streams.delete(streamId).catch(() => undefined);
        return pushLate(m, replies);
      }
      const content = streamContent(replies, cardsAllowed, typedForButton);
      await keep(content.card);
      // Kept a little past the window, so the check below still finds a result no refresh collected.
      await streams.set(streamId, { done: true, ...content, owner }, left + 60_000).catch(() => undefined);
      const check = async () => {
        uncollected.delete(streamId);
        clearTimeout(timer);
        const state = await streams.get(streamId).catch(() => undefined);
        if (!state?.done || state.collected) return;
        await streams.set(streamId, { ...state, collected: true }, 60_000).catch(() => undefined);
        await pushLate(m, replies);
      };
      uncollected.set(streamId, check);
      const timer = setTimeout(() => void track(check()), left + 1000);
      timer.unref();
    }));
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const params = new URL(req.url ?? '/', 'http://aibot').searchParams;
    try {
      if (req.method === 'GET') {
        const query = readSignedQuery(params);
        const echostr = params.get('echostr');
        if (!echostr) throw new CallbackBadRequest('missing-query');
        const encrypted = echostr.replace(/ /g, '+');
        reply(res, 200, openSealed(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds));
        options.onOutcome?.('url-check');
      } else if (req.method === 'POST') await message(req, res, params, started);
      else {
        res.setHeader('Allow', 'GET, POST');
        reply(res, 405, 'method-not-allowed');
      }
    } catch (error) {
      const code = refuse(res, error, logger);
      options.onOutcome?.(code);
      refusals.note(code, { channel: 'aibot', status: res.statusCode }, clientOf(res));
    }
  };

  /** Waits (at most `timeoutMs`) for the commands still running; false if some were still running. */
  const drain = async (timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    const settle = async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
      return true;
    };
    if (!(await within(settle(), timeoutMs))) return false;
    // In-process state dies with the process: a result no refresh collected yet goes through response_url now.
    if (!options.sharedState) for (const check of [...uncollected.values()]) void track(check());
    return Boolean(await within(settle(), Math.max(0, deadline - Date.now())));
  };
  return Object.assign(handler, { drain });
}
