/**
 * Members' names for cards and sheets, from user/get, cached: a name is looked up once an hour at most, and a
 * member WeCom will not describe (60011 outside the app's visible range, 60111 unknown, or any failure) appears by
 * userid rather than failing what asked.
 */
import NodeCache from 'node-cache';
import type { WeComApi } from '../wecom/client.js';

export class MemberNames {
  private readonly cache: NodeCache;

  constructor(
    private readonly api: Pick<WeComApi, 'getUser'>,
    ttlSeconds = 3600,
  ) {
    this.cache = new NodeCache({ stdTTL: ttlSeconds, checkperiod: 600, useClones: false, maxKeys: 100_000 });
  }

  /** The member's name, or the userid when WeCom does not give one. */
  async nameOf(userid: string): Promise<string> {
    const cached = this.cache.get<string>(userid);
    if (cached !== undefined) return cached;
    let name = userid;
    try {
      name = (await this.api.getUser(userid)).name || userid;
    } catch {
      // Shown by userid; the failure is in the API stats and log already.
    }
    try {
      this.cache.set(userid, name);
    } catch {
      // maxKeys reached: answer without caching.
    }
    return name;
  }

  /** Names of many members, `parallel` lookups at a time; a Map from userid to name. */
  async namesOf(userids: Iterable<string>, parallel = 8): Promise<Map<string, string>> {
    const pending = [...new Set(userids)];
    const names = new Map<string, string>();
    const worker = async () => {
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) names.set(id, await this.nameOf(id));
    };
    await Promise.all(Array.from({ length: Math.min(parallel, pending.length) }, worker));
    return names;
  }
}
