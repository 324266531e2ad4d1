/**
 * The emulator's directory (docs/wecom-protocol.md §3a): members with names and departments, a department tree,
 * tags, and the app's visible range (可见范围). user/get: members the app may not see answer 60011, members that do
 * not exist 60111, anyone else is a member named by their userid (tests that never set up a directory see no failed
 * calls). department/simplelist, user/simplelist and tag/get answer within the visible range as WeCom does.
 */
import { EmulatedWeComError } from './wecom-error.js';

export class EmulatedDirectory {
  private readonly members = new Map<string, { userid: string; name: string; department: number[] }>();
  private readonly departments = new Map<number, { id: number; parentid: number; order: number; name: string }>([[1, { id: 1, parentid: 0, order: 0, name: '公司' }]]);
  private readonly tags = new Map<number, { tagname: string; userids: string[]; departments: number[] }>();
  /** The visible range: departments (with everything below them) and members; undefined: the whole company. */
  private visible: { departments: Set<number>; userids: Set<string> } | undefined;
  private readonly hidden = new Set<string>();
  private readonly missing = new Set<string>();

  /** Adds (or renames) a member, in `department` (the root, 1, by default). */
  add(userid: string, name: string, department: number[] = [1]): void {
    this.members.set(userid.toLowerCase(), { userid: userid.toLowerCase(), name, department });
  }

  /** Adds a department under `parentid`. */
  addDepartment(id: number, name: string, parentid = 1, order = 0): void {
    this.departments.set(id, { id, parentid, order, name });
  }

  /** Adds a tag with its members and departments. */
  addTag(tagid: number, tagname: string, userids: string[], departments: number[] = []): void {
    this.tags.set(tagid, { tagname, userids: userids.map((u) => u.toLowerCase()), departments });
  }

  /** Sets the app's visible range (可见范围): these departments (and below) and these members only. */
  setVisibleRange(range: { departments?: number[]; userids?: string[] }): void {
    this.visible = { departments: new Set(range.departments ?? []), userids: new Set((range.userids ?? []).map((u) => u.toLowerCase())) };
  }

  /** A department's name (for the emulator's own pages and seeds). */
  departmentName(id: number): string | undefined {
    return this.departments.get(id)?.name;
  }

  /** department/simplelist: `id` and every department below it, within the visible range. */
  listDepartments(idParam: unknown): { department_id: Array<{ id: number; parentid: number; order: number }> } {
    const id = idParam === undefined || idParam === '' ? undefined : Number(idParam);
    if (id !== undefined && !this.departments.has(id)) throw new EmulatedWeComError(60123, 'invalid party id');
    if (id !== undefined && !this.departmentVisible(id)) throw new EmulatedWeComError(60011, 'no privilege to access/modify contact/party/agent');
    const roots = id !== undefined ? [id] : [1];
    const out: Array<{ id: number; parentid: number; order: number }> = [];
    const walk = (d: number) => {
      const dept = this.departments.get(d)!;
      if (this.departmentVisible(d)) out.push({ id: dept.id, parentid: dept.parentid, order: dept.order });
      for (const child of this.departments.values()) if (child.parentid === d) walk(child.id);
    };
    for (const r of roots) walk(r);
    return { department_id: out };
  }

  /** user/simplelist: one department's own members (60011 outside the visible range). */
  listMembers(departmentParam: unknown): { userlist: Array<{ userid: string; name: string; department: number[] }> } {
    const id = Number(departmentParam);
    if (!Number.isInteger(id) || !this.departments.has(id)) throw new EmulatedWeComError(60123, 'invalid party id');
    if (!this.departmentVisible(id)) throw new EmulatedWeComError(60011, 'no privilege to access/modify contact/party/agent');
    return { userlist: [...this.members.values()].filter((m) => m.department.includes(id) && !this.hidden.has(m.userid)) };
  }

  /** tag/get: the tag's members and departments (40068 for an unknown tag). */
  getTag(tagParam: unknown): { tagname: string; userlist: Array<{ userid: string; name: string }>; partylist: number[] } {
    const tag = this.tags.get(Number(tagParam));
    if (!tag) throw new EmulatedWeComError(40068, 'invalid tagid');
    const userlist = tag.userids.filter((u) => this.memberVisible(u)).map((u) => ({ userid: u, name: this.members.get(u)?.name ?? u }));
    return { tagname: tag.tagname, userlist, partylist: tag.departments.filter((d) => this.departmentVisible(d)) };
  }

  /** department/get: one department's name (60123 unknown, 60011 outside the visible range). */
  getDepartment(idParam: unknown): { department: { id: number; name: string; parentid: number; order: number } } {
    const dept = this.departments.get(Number(idParam));
    if (!dept) throw new EmulatedWeComError(60123, 'invalid party id');
    if (!this.departmentVisible(dept.id)) throw new EmulatedWeComError(60011, 'no privilege to access/modify contact/party/agent');
    return { department: { ...dept } };
  }

  /** tag/list: every tag, by id and name. */
  listTags(): { taglist: Array<{ tagid: number; tagname: string }> } {
    return { taglist: [...this.tags.entries()].map(([tagid, t]) => ({ tagid, tagname: t.tagname })) };
  }

  /** True when `id` or a department above it is in the visible range. */
  private departmentVisible(id: number): boolean {
    if (!this.visible) return true;
    for (let d: number | undefined = id; d !== undefined && d !== 0; d = this.departments.get(d)?.parentid) if (this.visible.departments.has(d)) return true;
    return false;
  }

  private memberVisible(userid: string): boolean {
    if (this.hidden.has(userid)) return false;
    if (!this.visible || this.visible.userids.has(userid)) return true;
    return (this.members.get(userid)?.department ?? []).some((d) => this.departmentVisible(d));
  }

  /** Makes `userid` a member the app may not describe: user/get answers 60011. */
  hide(userid: string): void {
    this.hidden.add(userid.toLowerCase());
  }

  /** Makes `userid` unknown to WeCom: user/get answers 60111. */
  forget(userid: string): void {
    this.missing.add(userid.toLowerCase());
  }

  /** True for a member message/send answers in invaliduser (forgotten: left the company). */
  isGone(userid: string): boolean {
    return this.missing.has(userid.toLowerCase());
  }

  /** user/get. */
  get(userid: unknown): { userid: string; name: string } {
    if (typeof userid !== 'string' || userid === '') throw new EmulatedWeComError(40031, 'invalid userid');
    const key = userid.toLowerCase();
    if (this.missing.has(key)) throw new EmulatedWeComError(60111, 'userid not found');
    if (!this.memberVisible(key) && (this.hidden.has(key) || this.members.has(key))) throw new EmulatedWeComError(60011, 'no privilege to access/modify contact/party/agent');
    const member = this.members.get(key);
    return member ? { userid: member.userid, name: member.name } : { userid: key, name: key };
  }
}
