/**
 * The names in the app's visible directory: departments (department/simplelist, then department/get for each name),
 * tags (tag/list) and members (user/simplelist per department). Kept for a while and read again after, so an
 * invitation names 销售部 without a call per message, and a renamed department is seen within the interval.
 */
import type { Clock } from '../clock.js';
import type { WeComApi } from '../wecom/client.js';
import { WeComApiError } from '../wecom/errors.js';
import { eachParallel } from './each-parallel.js';

export type DirectoryApi = Pick<WeComApi, 'listDepartments' | 'getDepartment' | 'listTags' | 'listDepartmentMembers'>;

export interface NamedDepartment {
  id: number;
  name: string;
  parentid: number;
}

export interface DirectoryMember {
  userid: string;
  name: string;
  departments: number[];
}

/** How long the names are kept before they are read again. */
export const DIRECTORY_TTL_MS = 10 * 60_000;
/** Calls at once while reading the directory: quick, and far under WeCom's per-minute limit. */
const PARALLEL = 8;


export class DirectoryNames {
  private cached?: { at: number; departments: Promise<Map<number, NamedDepartment>>; tags: Promise<Map<number, string>>; members?: Promise<DirectoryMember[]> };

  constructor(
    private readonly api: DirectoryApi,
    private readonly clock: Clock,
    private readonly ttlMs = DIRECTORY_TTL_MS,
  ) {}

  /** Every department the app may see, by id, with its name. */
  departments(): Promise<Map<number, NamedDepartment>> {
    return this.fresh().departments;
  }

  /** Every tag, by id, with its name. */
  tags(): Promise<Map<number, string>> {
    return this.fresh().tags;
  }

  /** Every member the app may see through its departments (read only when a name is not a department or a tag). */
  members(): Promise<DirectoryMember[]> {
    const cached = this.fresh();
    cached.members ??= this.readMembers(cached.departments);
    return cached.members;
  }

  /** The path of a department, for telling two of the same name apart (华东/销售部). */
  async path(id: number): Promise<string> {
    const all = await this.departments();
    const names: string[] = [];
    for (let d = all.get(id); d && names.length < 15; d = all.get(d.parentid)) names.unshift(d.name);
    return names.slice(-2).join('/');
  }

  private fresh() {
    const now = this.clock.now();
    if (!this.cached || now - this.cached.at >= this.ttlMs) {
      const departments = this.readDepartments();
      const tags = this.api.listTags().then((r) => new Map(r.taglist.map((t) => [t.tagid, t.tagname])));
      // A failed read is not kept: the next invitation reads again.
      const entry = { at: now, departments, tags };
      this.cached = entry;
      Promise.all([departments, tags]).catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached;
  }

  private async readDepartments(): Promise<Map<number, NamedDepartment>> {
    const { department_id: ids } = await this.api.listDepartments();
    const named = new Map<number, NamedDepartment>();
    await eachParallel(ids, PARALLEL, async ({ id, parentid }) => {
      try {
        const { department } = await this.api.getDepartment(id);
        named.set(id, { id, name: department.name, parentid });
      } catch (error) {
        // A department that went away (or out of range) between the two calls is simply not there.
        if (!(error instanceof WeComApiError && (error.errcode === 60011 || error.errcode === 60123))) throw error;
      }
    });
    return named;
  }

  private async readMembers(departments: Promise<Map<number, NamedDepartment>>): Promise<DirectoryMember[]> {
    const byUser = new Map<string, DirectoryMember>();
    await eachParallel([...(await departments).keys()], PARALLEL, async (id) => {
      for (const u of (await this.api.listDepartmentMembers(id)).userlist) {
        const known = byUser.get(u.userid);
        byUser.set(u.userid, { userid: u.userid, name: u.name, departments: [...new Set([...(known?.departments ?? []), ...u.department])] });
      }
    });
    return [...byUser.values()];
  }
}

