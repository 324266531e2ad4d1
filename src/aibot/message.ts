/**
 * The 智能机器人's callbacks (docs/wecom-aibot-protocol.md §3–4), decrypted JSON read into typed messages. The
 * leading @mention of a group message is stripped: the bot's display name is not in the callback, so any leading
 * `@name` and the space after it go.
 */
import { z } from 'zod';
import { CallbackBadRequest } from '../callback/errors.js';
import { isUserid } from '../userid.js';

const base = {
  msgid: z.string().min(1),
  aibotid: z.string().default(''),
  chatid: z.string().optional(),
  chattype: z.enum(['single', 'group']).default('single'),
  from: z.looseObject({ userid: z.string().refine(isUserid) }),
  response_url: z.string().optional(),
};
const textSchema = z.looseObject({ ...base, msgtype: z.literal('text'), text: z.looseObject({ content: z.string() }) });
const streamSchema = z.looseObject({ ...base, msgtype: z.literal('stream'), stream: z.looseObject({ id: z.string().min(1) }) });
const eventSchema = z.looseObject({ ...base, msgtype: z.literal('event'), event: z.looseObject({ eventtype: z.string() }) });
const clickSchema = z.looseObject({ event_key: z.string().min(1), task_id: z.string().min(1) });
const otherSchema = z.looseObject({ ...base, msgtype: z.string() });

interface Chat {
  msgid: string;
  /** The sender: the anchor of what they create, the subject of every permission check. */
  from: string;
  /** `group` chats carry a chat id; a single chat is the member's own. */
  chat: { type: 'single' } | { type: 'group'; id: string };
  responseUrl: string | undefined;
}

export type AibotMessage =
  | (Chat & { kind: 'text'; content: string })
  | (Chat & { kind: 'card-click'; eventKey: string; taskId: string })
  | (Chat & { kind: 'stream-refresh'; streamId: string })
  | (Chat & { kind: 'enter-chat' })
  | (Chat & { kind: 'other'; what: string });

/** Leading mentions of other names (a colleague, or the bot under another name): only with a space after them. */
const LEADING_MENTIONS = /^(?:\s*[@＠]\S+\s+)+/;

const mentionOf = new Map<string, RegExp>();

/** The text without the bot's @mention (`name` as members see it). */
export function stripMention(text: string, name: string): string {
  let named = mentionOf.get(name);
  if (!named) mentionOf.set(name, (named = new RegExp(`\\s*[@＠]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`, 'g')));
  return text.replace(named, ' ').trim().replace(LEADING_MENTIONS, '');
}

/** Reads a decrypted callback; throws CallbackBadRequest('malformed-message') for anything else. */
export function parseAibotMessage(json: string, botName: string): AibotMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CallbackBadRequest('malformed-message');
  }
  const common = otherSchema.safeParse(raw);
  if (!common.success) throw new CallbackBadRequest('malformed-message');
  const m = common.data;
  const chat: Chat = {
    msgid: m.msgid,
    from: m.from.userid,
    chat: m.chattype === 'group' && m.chatid ? { type: 'group', id: m.chatid } : { type: 'single' },
    responseUrl: m.response_url,
  };
  if (m.msgtype === 'text') {
    const text = textSchema.safeParse(raw);
    if (!text.success) throw new CallbackBadRequest('malformed-message');
    return { ...chat, kind: 'text', content: stripMention(text.data.text.content, botName) };
  }
  if (m.msgtype === 'stream') {
    const stream = streamSchema.safeParse(raw);
    if (!stream.success) throw new CallbackBadRequest('malformed-message');
    return { ...chat, kind: 'stream-refresh', streamId: stream.data.stream.id };
  }
  if (m.msgtype === 'event') {
    const event = eventSchema.safeParse(raw);
    if (!event.success) throw new CallbackBadRequest('malformed-message');
    if (event.data.event.eventtype === 'enter_chat') return { ...chat, kind: 'enter-chat' };
    if (event.data.event.eventtype === 'template_card_event') {
      // The doc nests the click under template_card_event (the Node SDK's flat shape is accepted too).
      const e = event.data.event as Record<string, unknown>;
      const click = clickSchema.safeParse(e.template_card_event ?? e);
      if (!click.success) throw new CallbackBadRequest('malformed-message');
      return { ...chat, kind: 'card-click', eventKey: click.data.event_key, taskId: click.data.task_id };
    }
    return { ...chat, kind: 'other', what: event.data.event.eventtype };
  }
  return { ...chat, kind: 'other', what: m.msgtype };
}
