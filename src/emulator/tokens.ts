/** The emulator's gettoken and token checks, by WeCom's rules (docs/wecom-protocol.md §2). */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { EmulatedWeComError } from './wecom-error.js';

export class EmulatedTokens {
  private current: { value: string; expiresAt: number } | undefined;
  /** Tokens handed out before and no longer valid: WeCom answers 42001 (expired) for these, 40014 for strangers. */
  private readonly retired = new Set<string>();
  /** gettoken calls answered, successful or not. */
  issued = 0;

  constructor(
    private readonly corpid: string,
    private readonly corpsecret: string,
    private readonly clock: Clock,
    readonly ttlSeconds: number,
  ) {}

  /** Answers gettoken: the same token while it is valid, a new one after it expired (as WeCom does). */
  get(corpid: string | undefined, corpsecret: string | undefined): { access_token: string; expires_in: number } {
    this.issued++;
    if (!corpid || corpid !== this.corpid) throw new EmulatedWeComError(40013, 'invalid corpid');
    if (!corpsecret) throw new EmulatedWeComError(41004, 'corpsecret missing');
    if (corpsecret !== this.corpsecret) throw new EmulatedWeComError(40001, 'invalid credential');
    const now = this.clock.now();
    if (!this.current || this.current.expiresAt <= now) {
      if (this.current) this.retired.add(this.current.value);
      this.current = { value: randomBytes(48).toString('base64url'), expiresAt: now + this.ttlSeconds * 1000 };
    }
    return { access_token: this.current.value, expires_in: Math.ceil((this.current.expiresAt - now) / 1000) };
  }

  /** Throws WeCom's error for a missing (41001), expired (42001) or unknown (40014) token. */
  check(token: string | undefined): void {
    if (!token) throw new EmulatedWeComError(41001, 'access_token missing');
    const current = this.current;
    if (current && current.value === token) {
      if (current.expiresAt > this.clock.now()) return;
      throw new EmulatedWeComError(42001, 'access_token expired');
    }
    if (this.retired.has(token)) throw new EmulatedWeComError(42001, 'access_token expired');
    throw new EmulatedWeComError(40014, 'invalid access_token');
  }

  /** Every token handed out so far, valid or not (tests look for them where they must not be). */
  handedOut(): string[] {
    return [...this.retired, ...(this.current ? [this.current.value] : [])];
  }

  /** Fault knob: every token handed out so far stops working at once (WeCom may do this before expires_in). */
  expireAll(): void {
    if (this.current) this.retired.add(this.current.value);
    this.current = undefined;
  }
}
