/**
 * The emulator's aibot/response (docs/wecom-aibot-protocol.md §6): response_codes handed out with the 智能机器人's
 * callbacks, each usable once within an hour; markdown anywhere, a template_card only in a single chat.
 * WeCom's errcodes for a reused or expired code are not documented: the emulator answers 40058 with the reason.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AibotResponseBody, TemplateCard } from '../wecom/types.js';
import { EmulatedWeComError, invalidParam } from './wecom-error.js';

const CODE_TTL_MS = 60 * 60_000;
const MARKDOWN_MAX_BYTES = 20_480;

export interface AibotPush {
  code: string;
  from: string;
  /** The group's chat id; undefined for the member's single chat. */
  chatid: string | undefined;
  at: number;
  body: AibotResponseBody;
}

interface Issued {
  from: string;
  chatid: string | undefined;
  issuedAt: number;
  used: boolean;
}

export class EmulatedAibotResponses {
  /** What the bot pushed through response_url, oldest first. */
  readonly pushes: AibotPush[] = [];
  private readonly codes = new Map<string, Issued>();
  private readonly listeners = new Set<(push: AibotPush) => void>();

  constructor(private readonly clock: Clock) {}

  /** A new response_code for a callback from `from` (in `chatid`'s group, or the single chat). */
  issue(from: string, chatid: string | undefined): string {
    const code = randomBytes(12).toString('hex');
    for (const [c, issued] of this.codes) if (issued.issuedAt + CODE_TTL_MS < this.clock.now()) this.codes.delete(c);
    this.codes.set(code, { from, chatid, issuedAt: this.clock.now(), used: false });
    return code;
  }

  /** Calls `listener` with every push. */
  onPush(listener: (push: AibotPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** aibot/response?response_code=…: the bot's one answer for that callback. */
  respond(code: unknown, raw: Record<string, unknown>): object {
    const issued = typeof code === 'string' ? this.codes.get(code) : undefined;
    if (!issued) throw invalidParam('response_code');
    if (issued.used) throw new EmulatedWeComError(40058, 'response_code already used');
    if (issued.issuedAt + CODE_TTL_MS < this.clock.now()) throw new EmulatedWeComError(40058, 'response_code expired');
    const body = readBody(raw, issued.chatid !== undefined);
    issued.used = true;
    const push: AibotPush = { code: code as string, from: issued.from, chatid: issued.chatid, at: this.clock.now(), body };
    this.pushes.push(push);
    for (const listener of this.listeners) listener(push);
    return {};
  }
}

function readBody(raw: Record<string, unknown>, group: boolean): AibotPush['body'] {
  if (raw.msgtype === 'markdown') {
    const content = (raw.markdown as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || content === '' || Buffer.byteLength(content) > MARKDOWN_MAX_BYTES) throw invalidParam('markdown.content');
    return { msgtype: 'markdown', markdown: { content } };
  }
  if (raw.msgtype === 'template_card') {
    // A group sees only markdown through response_url.
    if (group) throw invalidParam('msgtype: template_card is for single chats');
    const card = raw.template_card;
    if (!card || typeof card !== 'object') throw invalidParam('template_card');
    return { msgtype: 'template_card', template_card: card as TemplateCard };
  }
  throw invalidParam('msgtype');
}
