/**
 * The emulator's 智能机器人 side: signs and encrypts JSON callbacks as WeCom does (ReceiveId "", docs/
 * wecom-aibot-protocol.md §1–4) and reads the bot's encrypted passive replies back, checking their signature.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { WeComCrypto } from '../wecom/crypto.js';
import { randomEncodingAESKey } from './callbacks.js';

export interface AibotAnswer {
  status: number;
  /** The decrypted passive reply, when the bot sent one. */
  reply: Record<string, any> | undefined;
  /** The raw body (a refusal's reason code, or the plaintext of a URL check). */
  body: string;
}

export class AibotSender {
  readonly crypto: WeComCrypto;
  /** The bot's AI-bot callback URL. */
  url = '';

  constructor(
    private readonly clock: Clock,
    readonly token = randomBytes(8).toString('hex'),
    readonly encodingAESKey = randomEncodingAESKey(),
    /** A response_url for a callback (the emulator's, which accepts one use); a dead WeCom-shaped one by default. */
    private readonly responseUrl: (from: string, chatid: string | undefined) => string = () => `https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=${randomBytes(8).toString('hex')}`,
  ) {
    this.crypto = new WeComCrypto(token, encodingAESKey, '');
  }

  /**
   * A member's text; in a group (with `chat`) it starts with the @mention, as WeCom delivers it (`mention: false`:
   * the text already holds it, sent as is).
   */
  async sendText(from: string, content: string, options: { chat?: string; msgid?: string; mention?: string | false } = {}): Promise<AibotAnswer & { msgid: string }> {
    const msgid = options.msgid ?? randomBytes(12).toString('hex');
    const text = options.chat && options.mention !== false ? `@${options.mention ?? '直播助手'} ${content}` : content;
    const answer = await this.post({ msgid, ...this.chat(from, options.chat), response_url: this.responseUrl(from, options.chat), msgtype: 'text', text: { content: text } });
    return { ...answer, msgid };
  }

  /** WeCom's refresh of an unfinished stream. */
  refresh(from: string, streamId: string, chat?: string): Promise<AibotAnswer> {
    return this.post({ msgid: randomBytes(12).toString('hex'), ...this.chat(from, chat), msgtype: 'stream', stream: { id: streamId } });
  }

  /** A member clicks a button of a card the bot sent (template_card_event: WeCom waits 5 s for the card's update). */
  clickButton(from: string, taskId: string, eventKey: string, chat?: string): Promise<AibotAnswer> {
    return this.post({
      msgid: randomBytes(12).toString('hex'),
      create_time: Math.floor(this.clock.now() / 1000),
      ...this.chat(from, chat),
      response_url: this.responseUrl(from, chat),
      msgtype: 'event',
      event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: eventKey, task_id: taskId } },
    });
  }

  /** A member opens the single chat (enter_chat). */
  enterChat(from: string): Promise<AibotAnswer> {
    return this.post({ msgid: randomBytes(12).toString('hex'), create_time: Math.floor(this.clock.now() / 1000), ...this.chat(from), msgtype: 'event', event: { eventtype: 'enter_chat' } });
  }

  /** The URL check WeCom sends when the admin saves the URL. */
  async urlCheck(echo = String(Date.now())): Promise<AibotAnswer> {
    const query = this.crypto.urlCheckQuery(echo, String(Math.floor(this.clock.now() / 1000)), randomBytes(6).toString('hex'));
    const res = await fetch(`${this.url}?${query}`);
    return { status: res.status, reply: undefined, body: await res.text() };
  }

  /** POSTs `plaintext` (a callback's JSON) encrypted and signed; `tamper` changes the request for refusal tests. */
  async post(plaintext: object | string, tamper: { signature?: string; timestamp?: number; key?: string } = {}): Promise<AibotAnswer> {
    const crypto = tamper.key ? new WeComCrypto(this.token, tamper.key, '') : this.crypto;
    const encrypt = crypto.encrypt(typeof plaintext === 'string' ? plaintext : JSON.stringify(plaintext));
    const timestamp = String(tamper.timestamp ?? Math.floor(this.clock.now() / 1000));
    const nonce = randomBytes(6).toString('hex');
    const signature = tamper.signature ?? this.crypto.sign(timestamp, nonce, encrypt);
    const res = await fetch(`${this.url}?${new URLSearchParams({ msg_signature: signature, timestamp, nonce })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt }),
    });
    const body = await res.text();
    return { status: res.status, body, reply: this.open(body, nonce) };
  }

  /** The passive reply's plaintext, after checking that it is signed with our Token and the callback's nonce. */
  private open(body: string, nonce: string): Record<string, any> | undefined {
    if (!body.startsWith('{')) return undefined;
    const sealed = JSON.parse(body) as { encrypt: string; msgsignature: string; timestamp: number; nonce: string };
    if (sealed.nonce !== nonce) throw new Error('the passive reply does not carry the callback’s nonce');
    if (this.crypto.sign(String(sealed.timestamp), sealed.nonce, sealed.encrypt) !== sealed.msgsignature) throw new Error('the passive reply is not signed with the AI bot’s Token');
    return JSON.parse(this.crypto.decrypt(sealed.encrypt)) as Record<string, any>;
  }

  private chat(from: string, chat?: string) {
    return { aibotid: 'AIBOTID', ...(chat ? { chatid: chat, chattype: 'group' } : { chattype: 'single' }), from: { userid: from } };
  }
}
