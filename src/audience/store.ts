/**
 * What the bot keeps of a live's invited audience (issue 21): what was invited, who that was, what was sent to them,
 * and when they were last nudged. WeCom keeps none of it (living/create has no invitee list), so the bot does — in
 * Redis when scaled out, in this process otherwise (chosen in src/stores.ts).
 */
import type { Clock } from '../clock.js';
import type { ExpiringStore } from '../expiring.js';

/** One part of an invitation, as resolved: a department (with those below it), a tag, or a member. */
export interface InvitedPart {
  kind: 'department' | 'tag' | 'member';
  /** The department or tag id, or the userid. */
  id: string;
  /** As the bot names it back (销售部, 标签「新员工」, 张三（zhangsan）). */
  label: string;
}

/** An invited member: who, and in which departments (for the per-department figures). */
export interface AudienceMember {
  userid: string;
  name: string;
  departments: number[];
}

export interface AudienceRecord {
  livingid: string;
  /** The live's theme, for the messages sent about it. */
  theme: string;
  parts: InvitedPart[];
  /** Every member the parts name (resolved when invited; again, and frozen, when the live starts). */
  members: AudienceMember[];
  /** Parts outside the app's visible range, or unknown, when last resolved. */
  outside: string[];
  unknown: string[];
  /** ms: when the members were frozen (the live started); absent while the audience follows the directory. */
  frozenAt?: number;
  /** Invitations: members reached, those WeCom refused, those held back by the app's daily quota. */
  invited: { sent: number; refused: number; heldBack: number; at: number };
  /** Members (userKey) an invitation went to: the others get it when the invitation is sent again. */
  invitedKeys: string[];
  /** Nudges (催看): when, and to how many. */
  nudges: Array<{ at: number; sent: number }>;
}

/** A claim that holds once for a while: `first`, `taken` (someone claimed it), or `unverified` (the shared store is down). */
export type OnceClaim = 'first' | 'taken' | 'unverified';

export interface OnceClaims {
  claim(key: string, ttlMs: number): Promise<OnceClaim>;
}

/** How long an audience is kept after it was last written: long enough to ask for completion months later. */
export const AUDIENCE_TTL_MS = 400 * 24 * 3_600_000;

/** The audiences, by livingid, and the once-a-day claims of their nudges. */
export class AudienceStore {
  constructor(
    private readonly records: ExpiringStore<AudienceRecord>,
    readonly claims: OnceClaims,
  ) {}

  /** The audience of `livingid`, if one was invited. */
  get(livingid: string): Promise<AudienceRecord | undefined> {
    return this.records.get(livingid);
  }

  /** Stores `record` (replacing the live's earlier one). */
  put(record: AudienceRecord): Promise<void> {
    return this.records.set(record.livingid, record, AUDIENCE_TTL_MS);
  }
}

/** Claims of this process. */
export class MemoryOnceClaims implements OnceClaims {
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async claim(key: string, ttlMs: number): Promise<OnceClaim> {
    const now = this.clock.now();
    if ((this.until.get(key) ?? 0) > now) return 'taken';
    this.until.set(key, now + ttlMs);
    return 'first';
  }
}
