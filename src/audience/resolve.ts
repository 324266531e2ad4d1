/**
 * Who an invited audience is (issue 21): departments with every department below them, tags (their members and
 * their departments), and members by userid, resolved through WeCom's directory within the app's visible range
 * (docs/wecom-protocol.md §3a). What the app may not see, or what does not exist, is named — never dropped silently.
 */
import type { WeComApi } from '../wecom/client.js';
import { WeComApiError } from '../wecom/errors.js';
import { userKey } from '../userid.js';
import { eachParallel } from './each-parallel.js';

/** What an invitation names, by id (the command reads names into ids). */
export interface AudienceSpec {
  departments: readonly number[];
  tags: readonly number[];
  userids: readonly string[];
}

export interface Audience {
  /** Every member invited, by userid (lower case), with their name and departments. */
  members: Map<string, { userid: string; name: string; departments: number[] }>;
  /** Parts of the invitation outside the app's visible range (60011): `部门 3`, `标签 7`, `zhangsan`. */
  outside: string[];
  /** Parts that do not exist (60123, 40068, 60111). */
  unknown: string[];
}

type Directory = Pick<WeComApi, 'listDepartments' | 'listDepartmentMembers' | 'getTag' | 'getUser'>;

/** Departments listed at once: enough to be quick, few enough to stay far under WeCom's per-minute limit. */
const PARALLEL = 8;

/** Resolves `spec` to its members; `parallel` departments are read at once. */
export async function resolveAudience(api: Directory, spec: AudienceSpec, parallel = PARALLEL): Promise<Audience> {
  const audience: Audience = { members: new Map(), outside: [], unknown: [] };
  const refused = (what: string, error: unknown): void => {
    if (!(error instanceof WeComApiError)) throw error;
    if (error.errcode === 60011) audience.outside.push(what);
    else if (error.errcode === 60123 || error.errcode === 40068 || error.errcode === 60111) audience.unknown.push(what);
    else throw error;
  };
  const departments = new Set<number>();
  for (const id of spec.departments) {
    try {
      for (const d of (await api.listDepartments(id)).department_id) departments.add(d.id);
    } catch (error) {
      refused(`部门 ${id}`, error);
    }
  }
  for (const id of spec.tags) {
    try {
      const tag = await api.getTag(id);
      for (const u of tag.userlist) audience.members.set(userKey(u.userid), { userid: u.userid, name: u.name, departments: [] });
      for (const party of tag.partylist) for (const d of (await api.listDepartments(party)).department_id) departments.add(d.id);
    } catch (error) {
      refused(`标签 ${id}`, error);
    }
  }
  // Each department's own members, a few departments at a time (user/simplelist is one department per call).
  await eachParallel([...departments], parallel, async (d) => {
    try {
      for (const u of (await api.listDepartmentMembers(d)).userlist) {
        const key = userKey(u.userid);
        const known = audience.members.get(key);
        audience.members.set(key, { userid: u.userid, name: u.name, departments: [...new Set([...(known?.departments ?? []), ...u.department])] });
      }
    } catch (error) {
      refused(`部门 ${d}`, error);
    }
  });
  for (const userid of spec.userids) {
    if (audience.members.has(userKey(userid))) continue;
    try {
      const user = await api.getUser(userid);
      audience.members.set(userKey(user.userid), { userid: user.userid, name: user.name, departments: [] });
    } catch (error) {
      refused(userid, error);
    }
  }
  return audience;
}
