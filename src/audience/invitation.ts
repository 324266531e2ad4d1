/**
 * What an invitation names, as members write it (邀请 销售部、标签:新员工 zhangsan 李四), matched against the app's
 * visible directory: a department by name (or its path, 华东/销售部, when two share a name), a tag by name, a member
 * by name or userid. A name that matches nothing, or two things, is a problem to say — never a guess.
 */
import { isUserid, userKey } from '../userid.js';
import type { DirectoryNames } from './directory-names.js';
import type { InvitedPart } from './store.js';

export interface InvitationName {
  /** Written with 部门: / 标签: / @ in front; otherwise any kind may match. */
  kind?: InvitedPart['kind'];
  name: string;
}

const KIND_PREFIXES: Array<[RegExp, InvitedPart['kind']]> = [
  [/^(?:部门|department|dept)\s*[:：]?\s*/i, 'department'],
  [/^(?:标签|tag|#)\s*[:：]?\s*/i, 'tag'],
  [/^(?:成员|同事|@)\s*[:：]?\s*/i, 'member'],
];

const CONNECTORS = new Set(['和', '及', '以及', '还有', '与', '跟', '加上']);

/** The names in `text`: separated by spaces, 、，,；; and 和/及/以及 between names. */
export function invitationNames(text: string): InvitationName[] {
  const names: InvitationName[] = [];
  for (const raw of text.normalize('NFKC').split(/[\s,，、;；]+|(?<=\S)(?:以及|和|及|还有)(?=\S)/)) {
    let name = raw.trim().replace(/^[「“"『《]+|[」”"』》。.!！]+$/g, '');
    if (CONNECTORS.has(name)) continue;
    let kind: InvitedPart['kind'] | undefined;
    for (const [prefix, k] of KIND_PREFIXES) {
      if (prefix.test(name)) {
        kind = k;
        name = name.replace(prefix, '');
        break;
      }
    }
    // 销售部的同事, 全体新员工: words around a name that only point at it.
    name = name.replace(/^(?:全体|所有|全部)/, '').replace(/(?:的同事|的成员|的人|全体|所有人|同事们|同事|成员)$/, '');
    if (name !== '') names.push(kind ? { kind, name } : { name });
  }
  return names;
}

export type InvitationMatch = { parts: InvitedPart[] } | { problems: string[] };

/** Matches `names` in the directory: the parts, or every problem at once (so one reply says all that is wrong). */
export async function matchInvitation(names: readonly InvitationName[], directory: DirectoryNames): Promise<InvitationMatch> {
  if (names.length === 0) return { problems: ['没有写要邀请谁。例：邀请 销售部、标签:新员工、zhangsan'] };
  const [departments, tags] = await Promise.all([directory.departments(), directory.tags()]);
  const parts: InvitedPart[] = [];
  const problems: string[] = [];
  for (const { kind, name } of names) {
    const lower = name.toLowerCase();
    if (kind === undefined || kind === 'tag') {
      const tag = [...tags].find(([, tagname]) => tagname.toLowerCase() === lower);
      if (tag) {
        parts.push({ kind: 'tag', id: String(tag[0]), label: `标签「${tag[1]}」` });
        continue;
      }
      if (kind === 'tag') {
        problems.push(`没有名为「${name}」的标签。`);
        continue;
      }
    }
    if (kind === undefined || kind === 'department') {
      const byName = [...departments.values()].filter((d) => d.name.toLowerCase() === lower);
      const byPath = byName.length === 0 && name.includes('/') ? await departmentsByPath(name, directory) : [];
      const found = byName.length > 0 ? byName : byPath;
      if (found.length === 1) {
        parts.push({ kind: 'department', id: String(found[0]!.id), label: found[0]!.name });
        continue;
      }
      if (found.length > 1) {
        const paths = await Promise.all(found.map((d) => directory.path(d.id)));
        problems.push(`「${name}」有${found.length}个部门：${paths.join('、')}。请写上一级，例如 部门:${paths[0]}`);
        continue;
      }
      if (kind === 'department') {
        problems.push(`可见范围内没有名为「${name}」的部门。`);
        continue;
      }
    }
    const member = await matchMember(name, directory);
    if ('part' in member) parts.push(member.part);
    else problems.push(member.problem);
  }
  return problems.length > 0 ? { problems } : { parts: dedupe(parts) };
}

async function departmentsByPath(path: string, directory: DirectoryNames) {
  const all = [...(await directory.departments()).values()];
  const wanted = path.split('/').map((s) => s.trim()).filter(Boolean).join('/');
  const matches = [];
  for (const d of all) if ((await directory.path(d.id)).endsWith(wanted)) matches.push(d);
  return matches;
}

/** A member by name (unique) or by userid; a userid the directory does not list is still tried (WeCom will say). */
async function matchMember(name: string, directory: DirectoryNames): Promise<{ part: InvitedPart } | { problem: string }> {
  const members = await directory.members();
  const byId = members.find((m) => userKey(m.userid) === userKey(name));
  if (byId) return { part: { kind: 'member', id: byId.userid, label: `${byId.name}（${byId.userid}）` } };
  const byName = members.filter((m) => m.name === name);
  if (byName.length === 1) return { part: { kind: 'member', id: byName[0]!.userid, label: `${name}（${byName[0]!.userid}）` } };
  if (byName.length > 1) return { problem: `有${byName.length}位「${name}」：${byName.map((m) => m.userid).join('、')}。请写userid。` };
  if (isUserid(name)) return { part: { kind: 'member', id: name, label: name } };
  return { problem: `找不到「${name}」：不是可见范围内的部门、标签或成员。` };
}

const dedupe = (parts: InvitedPart[]): InvitedPart[] => {
  const seen = new Set<string>();
  return parts.filter((p) => !seen.has(`${p.kind}:${userKey(p.id)}`) && seen.add(`${p.kind}:${userKey(p.id)}`));
};
