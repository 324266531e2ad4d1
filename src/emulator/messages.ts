/**
 * The emulator's message/send and message/update_template_card (docs/wecom-protocol.md §4): every message recorded per member,
 * template cards checked against WeCom's limits, response codes single-use for 72 hours, and the per-member rate
 * limit (30/min) applied the way WeCom applies it: over the limit, the message is silently not delivered.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { TemplateCard } from '../wecom/types.js';
import { EmulatedWeComError, invalidParam } from './wecom-error.js';

export interface SentMessage {
  /** Order of delivery over all members (1, 2, …). */
  seq: number;
  msgid: string;
  touser: string;
  msgtype: string;
  /** text / markdown content, or the card's main title. */
  content: string;
  card?: TemplateCard;
  responseCode?: string;
  at: number;
  /** Labels the card's buttons were replaced with, or replacement cards, in order. */
  updates: Array<{ replaceName?: string; card?: TemplateCard }>;
  /** A file message: the uploaded media it carries. */
  file?: { mediaId: string; filename: string };
}

const TASK_ID = /^[0-9a-zA-Z_\-@]{1,128}$/;
const RESPONSE_CODE_TTL_MS = 72 * 3600 * 1000;

export class EmulatedMessages {
  private readonly delivered = new Map<string, SentMessage[]>();
  /** Messages WeCom would have dropped silently (over 30/min to one member). */
  readonly dropped: SentMessage[] = [];
  private readonly taskIds = new Set<string>();
  private readonly responseCodes = new Map<string, { message: SentMessage; at: number; used: boolean }>();
  private readonly recentByUser = new Map<string, number[]>();
  /** Per member and window; WeCom's limit is 30 a minute. */
  perMemberPerMinute = 30;
  /** The rate window, ms (tests shorten it along with the bot's). */
  windowMs = 60_000;
  private readonly listeners = new Set<(m: SentMessage, change: 'new' | 'update') => void>();
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly agentid: number,
    /** The filename of an uploaded media_id; throws WeCom's error for an unknown one. */
    private readonly mediaName: (mediaId: unknown) => string = () => {
      throw invalidParam('media_id');
    },
    /** Members message/send cannot reach (left the company): answered in invaliduser. */
    private readonly gone: (userid: string) => boolean = () => false,
  ) {}

  /** The app's member-messages a day (账号上限数 × 200); past it WeCom refuses the day's sends with 45009. */
  dailyQuota = Number.POSITIVE_INFINITY;
  private quotaUsed = { day: '', count: 0 };
  /** message/send calls and their recipient counts, in order (to check batching). */
  readonly sends: Array<{ msgtype: string; recipients: number }> = [];

  /** message/send. */
  send(body: Record<string, unknown>): { invaliduser: string; msgid: string; response_code?: string } {
    if (body.agentid !== this.agentid) throw new EmulatedWeComError(40056, 'invalid agentid');
    const touser = typeof body.touser === 'string' ? body.touser.split('|').filter(Boolean) : [];
    if (touser.length === 0) throw new EmulatedWeComError(81013, 'user & party & tag all invalid');
    // One call reaches at most 1,000 members.
    if (touser.length > 1000) throw invalidParam('touser');
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    if (this.quotaUsed.day !== day) this.quotaUsed = { day, count: 0 };
    if (this.quotaUsed.count + touser.length > this.dailyQuota) throw new EmulatedWeComError(45009, 'api freq out of limit');
    this.quotaUsed.count += touser.length;
    const msgtype = body.msgtype;
    this.sends.push({ msgtype: String(msgtype), recipients: touser.length });
    const invalid = touser.filter((u) => this.gone(u));
    const { content, card, file } = this.readContent(msgtype, body);
    const interactive = card?.card_type === 'button_interaction';
    if (card?.task_id !== undefined) this.taskIds.add(card.task_id);
    const msgid = randomBytes(12).toString('hex');
    const responseCode = interactive ? randomBytes(16).toString('base64url') : undefined;
    const now = this.clock.now();
    for (const user of touser) {
      if (invalid.includes(user)) continue;
      const message: SentMessage = { seq: ++this.seq, msgid, touser: user, msgtype: String(msgtype), content, at: now, updates: [] };
      if (card) message.card = card;
      if (file) message.file = file;
      if (responseCode) {
        message.responseCode = responseCode;
        this.responseCodes.set(responseCode, { message, at: now, used: false });
      }
      if (this.overLimit(user, now)) {
        this.dropped.push(message);
        continue;
      }
      const list = this.delivered.get(user) ?? [];
      list.push(message);
      this.delivered.set(user, list);
      for (const listener of this.listeners) listener(message, 'new');
    }
    return { invaliduser: invalid.join('|'), msgid, ...(responseCode ? { response_code: responseCode } : {}) };
  }

  /** message/update_template_card. */
  update(body: Record<string, unknown>): { invaliduser: string[] } {
    if (body.agentid !== this.agentid) throw new EmulatedWeComError(40056, 'invalid agentid');
    const code = typeof body.response_code === 'string' ? body.response_code : '';
    const entry = this.responseCodes.get(code);
    if (!entry || entry.used || this.clock.now() - entry.at > RESPONSE_CODE_TTL_MS) throw invalidParam('response_code');
    const button = body.button as { replace_name?: unknown } | undefined;
    const card = body.template_card as TemplateCard | undefined;
    if (typeof button?.replace_name === 'string') entry.message.updates.push({ replaceName: button.replace_name });
    else if (card && typeof card === 'object') entry.message.updates.push({ card: this.checkCard(card) });
    else throw invalidParam('button or template_card');
    entry.used = true;
    for (const listener of this.listeners) listener(entry.message, 'update');
    return { invaliduser: [] };
  }

  /** Makes a click on a card: a fresh response code for the card that carries `taskId` (WeCom gives one per click). */
  clickCode(userid: string, taskId: string): string {
    const message = this.forUser(userid).findLast((m) => m.card?.task_id === taskId);
    if (!message) throw new Error(`no card with task_id ${taskId} was sent to ${userid}`);
    const code = randomBytes(16).toString('base64url');
    this.responseCodes.set(code, { message, at: this.clock.now(), used: false });
    return code;
  }

  /** Every message delivered to `userid`, oldest first. */
  forUser(userid: string): SentMessage[] {
    return this.delivered.get(userid) ?? [];
  }

  /** Calls `listener` for every delivered message and every card update; returns a function that stops it. */
  onMessage(listener: (m: SentMessage, change: 'new' | 'update') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private overLimit(user: string, now: number): boolean {
    const recent = (this.recentByUser.get(user) ?? []).filter((t) => now - t < this.windowMs);
    const over = recent.length >= this.perMemberPerMinute;
    if (!over) recent.push(now);
    this.recentByUser.set(user, recent);
    return over;
  }

  private readContent(msgtype: unknown, body: Record<string, unknown>): { content: string; card?: TemplateCard; file?: SentMessage['file'] } {
    if (msgtype === 'file') {
      const mediaId = (body.file as { media_id?: unknown } | undefined)?.media_id;
      const filename = this.mediaName(mediaId);
      return { content: filename, file: { mediaId: mediaId as string, filename } };
    }
    if (msgtype === 'text' || msgtype === 'markdown') {
      const content = (body[msgtype] as { content?: unknown } | undefined)?.content;
      if (typeof content !== 'string' || content === '') throw new EmulatedWeComError(44004, 'empty content');
      if (Buffer.byteLength(content) > 2048) throw new EmulatedWeComError(45002, 'content size out of limit');
      return { content };
    }
    if (msgtype === 'template_card') {
      const card = this.checkCard(body.template_card as TemplateCard);
      if (card.task_id !== undefined && this.taskIds.has(card.task_id)) throw new EmulatedWeComError(42014, 'task_id exist');
      return { content: card.main_title?.title ?? '', card };
    }
    throw invalidParam('msgtype');
  }

  /** WeCom's template-card rules that a bot can get wrong. */
  private checkCard(card: TemplateCard): TemplateCard {
    if (!card || typeof card !== 'object') throw invalidParam('template_card');
    if (card.card_type !== 'text_notice' && card.card_type !== 'button_interaction') throw invalidParam('card_type');
    if ((card.horizontal_content_list?.length ?? 0) > 6) throw invalidParam('horizontal_content_list');
    if ((card.jump_list?.length ?? 0) > 3) throw invalidParam('jump_list');
    if (card.card_type === 'text_notice' && !card.card_action) throw new EmulatedWeComError(42045, 'invalid card_action');
    if (card.card_type === 'button_interaction') {
      if (!card.task_id || !TASK_ID.test(card.task_id)) throw invalidParam('task_id');
      const buttons = card.button_list ?? [];
      if (buttons.length === 0 || buttons.length > 6) throw invalidParam('button_list');
      for (const b of buttons) {
        if (!b.text || (b.type !== 1 && (!b.key || Buffer.byteLength(b.key) > 1024))) throw invalidParam('button');
      }
    }
    return card;
  }
}
