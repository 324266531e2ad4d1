/**
 * Who of an invited audience completed a live (issue 21): a member has completed when their watch time — as WeCom's
 * get_watch_stat reports it, replay included where WeCom counts it — reaches the rule's share of the live's actual
 * length (WECOM_COMPLETION_PERCENT, 80% by default). Partly: watched, not enough. Not watched: no watch time at all.
 */
import { userKey } from '../userid.js';
import type { AudienceMember } from './store.js';

export type CompletionState = 'completed' | 'partly' | 'none';

export interface MemberCompletion extends AudienceMember {
  watchSeconds: number;
  state: CompletionState;
}

export interface Tally {
  invited: number;
  completed: number;
  partly: number;
  none: number;
}

export interface DepartmentCompletion extends Tally {
  id: number;
  name: string;
}

export interface Completion {
  /** The live's length the rule is measured against (actual once ended; so far while on air). */
  lengthSeconds: number;
  requiredSeconds: number;
  members: MemberCompletion[];
  totals: Tally;
  /** By each member's first department, most invited first. */
  byDepartment: DepartmentCompletion[];
  /** Viewers who were not invited (they watched anyway). */
  uninvitedViewers: number;
}

/** The seconds a member must watch: `percent` of `lengthSeconds`, at least one minute. */
export const requiredSeconds = (lengthSeconds: number, percent: number): number => Math.max(60, Math.ceil((lengthSeconds * percent) / 100));

/** Completion of `members` from each viewer's watch seconds (by userid, any case). */
export function completionOf(
  members: readonly AudienceMember[],
  watched: ReadonlyMap<string, number>,
  lengthSeconds: number,
  percent: number,
  departmentName: (id: number) => string,
): Completion {
  const required = requiredSeconds(lengthSeconds, percent);
  const totals: Tally = { invited: 0, completed: 0, partly: 0, none: 0 };
  const departments = new Map<number, DepartmentCompletion>();
  const invited = new Set<string>();
  const rows: MemberCompletion[] = [];
  for (const member of members) {
    const key = userKey(member.userid);
    if (invited.has(key)) continue;
    invited.add(key);
    const watchSeconds = watched.get(key) ?? 0;
    const state: CompletionState = watchSeconds >= required ? 'completed' : watchSeconds > 0 ? 'partly' : 'none';
    rows.push({ ...member, watchSeconds, state });
    totals.invited++;
    totals[state]++;
    const id = member.departments[0] ?? 0;
    let department = departments.get(id);
    if (!department) departments.set(id, (department = { id, name: id === 0 ? '未分部门' : departmentName(id), invited: 0, completed: 0, partly: 0, none: 0 }));
    department.invited++;
    department[state]++;
  }
  let uninvitedViewers = 0;
  for (const [key, seconds] of watched) if (seconds > 0 && !invited.has(key)) uninvitedViewers++;
  return {
    lengthSeconds,
    requiredSeconds: required,
    members: rows,
    totals,
    byDepartment: [...departments.values()].sort((a, b) => b.invited - a.invited || a.name.localeCompare(b.name, 'zh')),
    uninvitedViewers,
  };
}
