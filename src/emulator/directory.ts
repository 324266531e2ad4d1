/**
 * The emulator's member directory for user/get: members with names; members the app may not see (60011, as
 * WeCom answers for a member outside the app's visible range); members that do not exist (60111). Anyone else is
 * a member whose name is their userid, so tests that never set up a directory see no failed calls.
 */
import { EmulatedWeComError } from './wecom-error.js';

export class EmulatedDirectory {
  private readonly members = new Map<string, { userid: string; name: string }>();
  private readonly hidden = new Set<string>();
  private readonly missing = new Set<string>();

  /** Adds (or renames) a member. */
  add(userid: string, name: string): void {
    this.members.set(userid.toLowerCase(), { userid: userid.toLowerCase(), name });
  }

  /** Makes `userid` a member the app may not describe: user/get answers 60011. */
  hide(userid: string): void {
    this.hidden.add(userid.toLowerCase());
  }

  /** Makes `userid` unknown to WeCom: user/get answers 60111. */
  forget(userid: string): void {
    this.missing.add(userid.toLowerCase());
  }

  /** user/get. */
  get(userid: unknown): { userid: string; name: string } {
    if (typeof userid !== 'string' || userid === '') throw new EmulatedWeComError(40031, 'invalid userid');
    const key = userid.toLowerCase();
    if (this.hidden.has(key)) throw new EmulatedWeComError(60011, 'no privilege to access/modify contact/party/agent');
    if (this.missing.has(key)) throw new EmulatedWeComError(60111, 'userid not found');
    return this.members.get(key) ?? { userid: key, name: key };
  }
}
