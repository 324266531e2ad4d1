/**
 * XML of WeCom callbacks. The outer envelope is read with one anchored pattern, not a parser: it must be WeCom's
 * `<xml>…<Encrypt>base64</Encrypt>…</xml>`, and anything with a DOCTYPE or entity declaration is refused before any
 * parsing (a billion-laughs body costs a substring search). The inner XML, authenticated by then, is parsed with
 * fast-xml-parser, values kept as strings (MsgId is a 64-bit integer).
 */
import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { CallbackBadRequest } from './errors.js';
import type { CallbackMessage } from './message.js';
import { isUserid } from '../userid.js';

const ENCRYPT = /<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]{1,100000})\]\]>|([A-Za-z0-9+/=]{1,100000}))\s*<\/Encrypt>/;
const HOSTILE = /<!(?:DOCTYPE|ENTITY)/i;

/** The `Encrypt` value of a POSTed envelope, or 400. */
export function readEncrypt(body: string): string {
  if (HOSTILE.test(body)) throw new CallbackBadRequest('doctype');
  const trimmed = body.trim();
  if (!trimmed.startsWith('<xml>') || !trimmed.endsWith('</xml>')) throw new CallbackBadRequest('malformed-xml');
  const match = ENCRYPT.exec(trimmed);
  const value = match?.[1] ?? match?.[2];
  if (!value) throw new CallbackBadRequest('malformed-xml');
  return value;
}

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
});

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Parses a decrypted message into a typed CallbackMessage, or 400 malformed-message. */
export function parseMessage(xml: string): CallbackMessage {
  if (HOSTILE.test(xml)) throw new CallbackBadRequest('doctype');
  let doc: unknown;
  try {
    // No validation pass: the XML is WeCom's own by now (signed and decrypted with our key); a malformed one still
    // fails the field checks below.
    doc = parser.parse(xml);
  } catch {
    throw new CallbackBadRequest('malformed-message');
  }
  const root = (doc as { xml?: unknown } | undefined)?.xml;
  if (!root || typeof root !== 'object') throw new CallbackBadRequest('malformed-message');
  const f = root as Record<string, unknown>;
  const from = text(f.FromUserName);
  const msgType = text(f.MsgType);
  const createTime = Number(text(f.CreateTime));
  // A userid WeCom could not have sent (U+212A for k, a space) is refused before it names anyone.
  if (!from || !isUserid(from) || !msgType || !Number.isFinite(createTime)) throw new CallbackBadRequest('malformed-message');
  const msgId = text(f.MsgId);
  const base = {
    from,
    createTime,
    agentId: text(f.AgentID) ?? '',
    // Events carry no MsgId; keys built from FromUserName + CreateTime would drop distinct events of one second.
    // The digest is only taken for the events the bot acts on (an ignored event is never de-duplicated).
    dedupeKey: msgId ? `msg:${msgId}` : '',
  };
  const digest = () => `xml:${createHash('sha256').update(xml).digest('base64url')}`;
  if (msgType === 'text') {
    if (!msgId) throw new CallbackBadRequest('malformed-message');
    return { ...base, kind: 'text', msgId, content: text(f.Content) ?? '' };
  }
  if (msgType !== 'event') return { ...base, ...(msgId ? {} : { dedupeKey: digest() }), kind: 'other', msgType, msgId };
  const event = text(f.Event) ?? '';
  if (event === 'template_card_event') {
    return {
      ...base,
      dedupeKey: digest(),
      kind: 'card-click',
      eventKey: text(f.EventKey) ?? '',
      taskId: text(f.TaskId) ?? '',
      cardType: text(f.CardType) ?? '',
      responseCode: text(f.ResponseCode) ?? '',
    };
  }
  if (event === 'living_status_change') {
    return { ...base, dedupeKey: digest(), kind: 'living-status', livingId: text(f.LivingId) ?? '', status: Number(text(f.Status)) };
  }
  return { ...base, kind: 'event', event };
}
