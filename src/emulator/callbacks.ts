/**
 * The emulator's callback half: given a member and a text (or a card click, or a live's status change), it builds
 * the XML WeCom would, encrypts and signs it with the app's Token and EncodingAESKey, POSTs it to the bot's
 * callback URL, and records the bot's answer. Tests and the sandbox use it; nothing here skips the crypto.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock.js';
import { WeComCrypto } from '../wecom/crypto.js';

export interface CallbackAnswer {
  status: number;
  body: string;
  ms: number;
}

export interface DeliveryOptions {
  /** Unix seconds to sign with (default: the emulator's now). */
  timestamp?: number;
  nonce?: string;
  /** Send the same request this many times at once, as WeCom does when it gets no answer in time. */
  copies?: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random EncodingAESKey: 43 letters and digits, as the admin console makes them. */
export function randomEncodingAESKey(): string {
  return Array.from({ length: 43 }, () => ALNUM[randomInt(ALNUM.length)]).join('');
}

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export class CallbackSender {
  readonly crypto: WeComCrypto;
  /** Where the bot's callback endpoint is; set by configure(). */
  url = '';
  /** Every answer the bot gave, in order. */
  readonly answers: CallbackAnswer[] = [];

  constructor(
    readonly token: string,
    readonly encodingAESKey: string,
    private readonly corpid: string,
    private readonly agentid: number,
    private readonly clock: Clock,
  ) {
    this.crypto = new WeComCrypto(token, encodingAESKey, corpid);
  }

  /** A member sends a text to the app. Returns the bot's answer(s) and the MsgId used. */
  async sendText(from: string, content: string, options: DeliveryOptions & { msgId?: string } = {}) {
    const msgId = options.msgId ?? randomMsgId();
    const xml = this.inner(from, 'text', `<Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId>`);
    return { msgId, answers: await this.deliver(xml, options) };
  }

  /** A member clicks a button of a template card (template_card_event). */
  async clickButton(from: string, taskId: string, eventKey: string, responseCode: string, options: DeliveryOptions = {}) {
    const xml = this.inner(
      from,
      'event',
      `<Event>${cdata('template_card_event')}</Event><EventKey>${cdata(eventKey)}</EventKey>` +
        `<TaskId>${cdata(taskId)}</TaskId><CardType>${cdata('button_interaction')}</CardType>` +
        `<ResponseCode>${cdata(responseCode)}</ResponseCode>`,
    );
    return this.deliver(xml, options);
  }

  /** WeCom tells the app a live it created changed status (living_status_change). */
  async livingStatusChange(anchor: string, livingId: string, status: number, options: DeliveryOptions = {}) {
    const xml = this.inner(
      anchor,
      'event',
      `<Event>${cdata('living_status_change')}</Event><LivingId>${cdata(livingId)}</LivingId><Status>${status}</Status>`,
    );
    return this.deliver(xml, options);
  }

  /** Any other event, e.g. enter_agent. */
  async event(from: string, event: string, options: DeliveryOptions = {}) {
    return this.deliver(this.inner(from, 'event', `<Event>${cdata(event)}</Event><EventKey>${cdata('')}</EventKey>`), options);
  }

  /** The URL check WeCom makes when an admin saves the callback settings; answer must be the plaintext echo. */
  async urlCheck(echo = String(randomMsgId())): Promise<CallbackAnswer & { echo: string }> {
    const query = this.crypto.urlCheckQuery(echo, String(Math.floor(this.clock.now() / 1000)), String(randomInt(1e9)));
    const started = performance.now();
    const res = await fetch(`${this.url}?${query}`);
    const answer = { status: res.status, body: await res.text(), ms: performance.now() - started };
    this.answers.push(answer);
    return { ...answer, echo };
  }

  /** Encrypts, signs and POSTs `xml` like WeCom; several copies at once if asked. */
  async deliver(xml: string, options: DeliveryOptions = {}): Promise<CallbackAnswer[]> {
    const encrypted = this.crypto.encrypt(xml);
    const { timestamp, nonce, signature } = this.sign(encrypted, options);
    const body = this.envelope(encrypted);
    const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
    const post = async (): Promise<CallbackAnswer> => {
      const started = performance.now();
      const res = await fetch(`${this.url}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      const answer = { status: res.status, body: await res.text(), ms: performance.now() - started };
      this.answers.push(answer);
      return answer;
    };
    return Promise.all(Array.from({ length: options.copies ?? 1 }, post));
  }

  /** The POST body WeCom sends around a ciphertext. */
  envelope(encrypted: string): string {
    return `<xml><ToUserName>${cdata(this.corpid)}</ToUserName><AgentID>${cdata(String(this.agentid))}</AgentID><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
  }

  /** Signs `encrypted` as WeCom would. */
  sign(encrypted: string, options: DeliveryOptions): { timestamp: string; nonce: string; signature: string } {
    const timestamp = String(options.timestamp ?? Math.floor(this.clock.now() / 1000));
    const nonce = options.nonce ?? String(randomInt(1e9));
    return { timestamp, nonce, signature: this.crypto.sign(timestamp, nonce, encrypted) };
  }

  private inner(from: string, msgType: string, fields: string): string {
    const now = Math.floor(this.clock.now() / 1000);
    return (
      `<xml><ToUserName>${cdata(this.corpid)}</ToUserName><FromUserName>${cdata(from)}</FromUserName>` +
      `<CreateTime>${now}</CreateTime><MsgType>${cdata(msgType)}</MsgType>${fields}<AgentID>${this.agentid}</AgentID></xml>`
    );
  }
}

/** A random 64-bit MsgId as WeCom sends it: decimal, beyond JS's safe integers. */
export function randomMsgId(): string {
  return BigInt.asUintN(63, BigInt(`0x${randomBytes(8).toString('hex')}`)).toString();
}
