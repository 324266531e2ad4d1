/**
 * WeCom lets a member have 3 messages in progress with a 智能机器人; a fourth is told to wait. The count is per
 * member (userids compared as WeCom does), and shared by every instance when scaled out (src/redis/in-progress.ts).
 */
import { userKey } from '../userid.js';

export interface InProgress {
  /** Counts one more message of `member` in progress; false (and nothing counted) when `max` already are. */
  enter(member: string, max: number): Promise<boolean>;
  /** The message `enter` counted has finished. */
  leave(member: string): Promise<void>;
}

/** In-process counts. */
export class MemoryInProgress implements InProgress {
  private readonly counts = new Map<string, number>();

  async enter(member: string, max: number): Promise<boolean> {
    const key = userKey(member);
    const now = this.counts.get(key) ?? 0;
    if (now >= max) return false;
    this.counts.set(key, now + 1);
    return true;
  }

  async leave(member: string): Promise<void> {
    const key = userKey(member);
    const left = (this.counts.get(key) ?? 1) - 1;
    if (left > 0) this.counts.set(key, left);
    else this.counts.delete(key);
  }
}
