/**
 * The 智能机器人's callback URL (docs/wecom-aibot-protocol.md): the same care as the app's endpoint — signature,
 * replay window, decryption (ReceiveId "", JSON), body limit, the same refusal statuses — in front of the same
 * commands. A command that finishes within the deadline is answered in the HTTP response itself (a finished stream,
 * with the first card beside it in a single chat); a slower one is answered "处理中" at once and finished through
 * WeCom's stream refreshes. Conversations are per chat and member. The sender is the anchor of what they create.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { readBody } from '../callback/body.js';
import { CallbackBadRequest } from '../callback/errors.js';
import type { CardClick, TextMessage } from '../callback/message.js';
import { decrypt, refuse, reply } from '../callback/respond.js';
import type { EndpointGuards } from '../callback/router.js';
import { readSignedQuery, verifySignature } from '../callback/verify.js';
import type { Dispatcher, Outgoing } from '../commands/dispatch.js';
import type { Reply } from '../replies/reply.js';
import type { WeComCrypto } from '../wecom/crypto.js';
import type { TemplateCard } from '../wecom/types.js';
import { parseAibotMessage, type AibotMessage } from './message.js';
import { streamContent, streamReply } from './passive.js';

export interface AibotOptions extends EndpointGuards {
  /** The AI bot's Token and EncodingAESKey, with ReceiveId "". */
  crypto: WeComCrypto;
  dispatch: Dispatcher;
  /** Replies for someone other than the sender (an anchor's notice), and private data asked for in a group. */
  sendViaApp: (to: string, reply: Reply) => Promise<void>;
  /** How long a command may take to be answered in the callback's own response; default 3,000 ms. */
  deadlineMs?: number;
}

/** WeCom refreshes an unfinished stream for 6 minutes from the member's message. */
const STREAM_TTL_MS = 6 * 60_000;
const WELCOME = '你好，我是直播助手。可以这样说：\n• 创建直播 周会 明天15:00\n• 我的直播\n• 帮助';

/** A click is answered within WeCom's 5 s: the card update in the response, the rest through the app. */
const CLICK_DEADLINE_MS = 4000;
/** Cards sent in this channel by task_id, so a click can grey out the card it came from; the oldest go first. */
const CARDS_KEPT = 5000;
const IN_PROGRESS_MAX = 3;

interface Pending {
  done: boolean;
  content: string;
  card?: ReturnType<typeof streamContent>['card'];
  expires: number;
}

/** The handler of the AI bot's callback path (GET URL check, POST callbacks). */
export function createAibotHandler(options: AibotOptions) {
  const { crypto, clock, logger } = options;
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  const streams = new Map<string, Pending>();
  const inProgress = new Map<string, number>();

  /** The encrypted passive reply: signed with the callback's own nonce (§5). */
  const passive = (res: ServerResponse, nonce: string, plaintext: object) => {
    const encrypt = crypto.encrypt(JSON.stringify(plaintext));
    const timestamp = String(nowSeconds());
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ encrypt, msgsignature: crypto.sign(timestamp, nonce, encrypt), timestamp: Number(timestamp), nonce }));
  };

  const cards = new Map<string, TemplateCard>();
  const keep = (card: TemplateCard | undefined) => {
    if (!card?.task_id) return;
    cards.set(card.task_id, card);
    if (cards.size > CARDS_KEPT) cards.delete(cards.keys().next().value!);
  };

  /**
   * A click on a card this channel sent: the card's update is the passive answer (update_template_card, same
   * task_id); anything else the command answers goes to the member through the app.
   */
  const click = async (m: Extract<AibotMessage, { kind: 'card-click' }>, res: ServerResponse, nonce: string): Promise<string> => {
    const message: CardClick = { kind: 'card-click', from: m.from, createTime: nowSeconds(), agentId: 'aibot', dedupeKey: `aibot:${m.msgid}`, eventKey: m.eventKey, taskId: m.taskId, cardType: 'button_interaction', responseCode: '' };
    let timer: NodeJS.Timeout | undefined;
    const outgoing = await Promise.race([
      options.dispatch(message),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CLICK_DEADLINE_MS))),
    ]);
    clearTimeout(timer);
    if (!outgoing) {
      reply(res, 200, '');
      return 'click-late';
    }
    let update: TemplateCard | undefined;
    for (const { to, reply: r } of outgoing) {
      if (to === m.from && r.kind === 'replace-card') update = { ...r.card, task_id: m.taskId };
      else if (to === m.from && r.kind === 'update-card') {
        const clicked = cards.get(m.taskId);
        // Greyed out as the app's replace_name does: the same card, one inert button with the new label.
        if (clicked) update = { ...clicked, button_list: [{ text: r.replaceName, style: 4, key: `done:${m.taskId}` }] };
      } else await options.sendViaApp(to, r).catch((error: unknown) => logger.warn({ err: String(error) }, 'aibot: app message failed'));
    }
    if (!update) {
      reply(res, 200, '');
      return 'click';
    }
    keep(update);
    passive(res, nonce, { response_type: 'update_template_card', userids: [m.from], template_card: update });
    return 'click-update';
  };

  /** Runs a member's text through the commands; the sender's replies come back, the rest go through the app. */
  const run = async (m: Extract<AibotMessage, { kind: 'text' }>): Promise<Reply[]> => {
    const message: TextMessage = {
      kind: 'text',
      from: m.from,
      createTime: nowSeconds(),
      agentId: 'aibot',
      dedupeKey: `aibot:${m.msgid}`,
      msgId: m.msgid,
      content: m.content,
      chat: m.chat.type === 'group' ? `group:${m.chat.id}` : 'aibot',
    };
    const outgoing: Outgoing[] = await options.dispatch(message);
    const mine: Reply[] = [];
    for (const { to, reply: r } of outgoing) {
      // In a group, private data (watch figures, the attendance sheet) goes to the asker through the app.
      const privateData = m.chat.type === 'group' && (r.kind === 'file' || (r.kind === 'card' && r.card.main_title.desc === '观看统计'));
      if (to !== m.from || privateData) {
        await options.sendViaApp(to, r).catch((error: unknown) => logger.warn({ err: String(error) }, 'aibot: app message failed'));
        if (privateData) mine.push({ kind: 'text', content: '结果涉及观看数据，已通过应用消息私信发给你。' });
      } else mine.push(r);
    }
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
    verifySignature(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds);
    const m = parseAibotMessage(decrypt(crypto, encrypted));
    const outcome = (o: string) => {
      options.onOutcome?.(o);
      logger.debug({ channel: 'aibot', outcome: o, kind: m.kind, from: m.from, ms: Math.round(performance.now() - started) }, 'callback');
    };
    if (m.kind === 'stream-refresh') {
      const pending = streams.get(m.streamId);
      if (!pending) return void (passive(res, query.nonce, streamReply(m.streamId, true, '这条消息的结果已过期，请重新发送。')), outcome('refresh-expired'));
      if (pending.done) streams.delete(m.streamId);
      passive(res, query.nonce, streamReply(m.streamId, pending.done, pending.content, pending.done ? pending.card : undefined));
      return outcome('refresh');
    }
    // WeCom may deliver the same callback again: a message runs once (its id, shared through Redis when scaled out).
    if (!(await options.dedupe.claim(`aibot:${m.msgid}`, options.dedupeTtlSeconds))) {
      reply(res, 200, '');
      return outcome('duplicate');
    }
    if (m.kind === 'card-click') return outcome(await click(m, res, query.nonce));
    if (m.kind === 'enter-chat') {
      passive(res, query.nonce, { msgtype: 'text', text: { content: WELCOME } });
      return outcome('welcome');
    }
    if (m.kind !== 'text') {
      reply(res, 200, '');
      return outcome('ignored');
    }
    // WeCom lets a member have 3 messages in progress with the bot; a fourth is told to wait, not queued behind them.
    if ((inProgress.get(m.from) ?? 0) >= IN_PROGRESS_MAX) {
      passive(res, query.nonce, streamReply(`s${randomBytes(9).toString('base64url')}`, true, '你还有3条消息正在处理，请稍后再发。'));
      return outcome('member-busy');
    }
    inProgress.set(m.from, (inProgress.get(m.from) ?? 0) + 1);
    const streamId = `s${randomBytes(9).toString('base64url')}`;
    const cardsAllowed = m.chat.type === 'single';
    const pending: Pending = { done: false, content: '处理中…', expires: clock.now() + STREAM_TTL_MS };
    const work = run(m).finally(() => {
      const left = (inProgress.get(m.from) ?? 1) - 1;
      if (left > 0) inProgress.set(m.from, left);
      else inProgress.delete(m.from);
    }).then(
      (replies) => {
        const content = streamContent(replies, cardsAllowed);
        keep(content.card);
        Object.assign(pending, { done: true }, content);
      },
      (error: unknown) => {
        logger.error({ err: String(error) }, 'aibot: command failed');
        Object.assign(pending, { done: true, content: '处理消息时出错，请稍后再试。' });
      },
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, options.deadlineMs ?? 3000)))]);
    clearTimeout(timer);
    if (!pending.done) {
      // Finished through the refreshes WeCom sends for this stream id.
      for (const [id, p] of streams) if (p.expires < clock.now()) streams.delete(id);
      streams.set(streamId, pending);
    }
    passive(res, query.nonce, streamReply(streamId, pending.done, pending.content, pending.done ? pending.card : undefined));
    outcome(pending.done ? 'ok' : 'streaming');
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const params = new URL(req.url ?? '/', 'http://aibot').searchParams;
    try {
      if (req.method === 'GET') {
        const query = readSignedQuery(params);
        const echostr = params.get('echostr');
        if (!echostr) throw new CallbackBadRequest('missing-query');
        const encrypted = echostr.replace(/ /g, '+');
        verifySignature(crypto, query, encrypted, nowSeconds(), options.replayWindowSeconds);
        reply(res, 200, decrypt(crypto, encrypted));
        options.onOutcome?.('url-check');
      } else if (req.method === 'POST') await message(req, res, params, started);
      else {
        res.setHeader('Allow', 'GET, POST');
        reply(res, 405, 'method-not-allowed');
      }
    } catch (error) {
      const code = refuse(res, error, logger);
      options.onOutcome?.(code);
      logger.info({ channel: 'aibot', outcome: code, status: res.statusCode }, 'callback');
    }
  };
}
