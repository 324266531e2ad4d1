/** What every command handler gets: one context, and it answers with replies (it never sends them itself). */
import type { Logger } from '../log.js';
import type { Reply } from '../replies/reply.js';
import type { DeploymentStats } from '../wecom/api-stats.js';
import type { WeComApi } from '../wecom/client.js';
import type { LivingType } from '../wecom/types.js';
import type { Journal } from './journal.js';

export type { DeploymentStats };
import type { Intent } from './parse.js';

export interface CommandSettings {
  timezone: string;
  adminUserids: readonly string[];
  defaultDurationSeconds: number;
  defaultLiveType: LivingType;
}

export interface CommandContext {
  /** The member who sent the message or clicked the button. */
  user: string;
  api: WeComApi;
  /** ms since the epoch. */
  now: () => number;
  settings: CommandSettings;
  log: Logger;
  /** Set when the command came from a card button: the code that updates the clicked card. */
  click?: { responseCode: string };
  /** What earlier runs of this message did (a message can run again after an instance died). */
  journal: Journal;
  /** The API figures of the deployment, for 统计. */
  deploymentStats: () => Promise<DeploymentStats>;
}

export type CommandHandler<I extends Intent = Intent> = (intent: I, ctx: CommandContext) => Promise<Reply[]>;

/** True for members listed in WECOM_ADMIN_USERIDS. */
export const isAdmin = (ctx: CommandContext): boolean => ctx.settings.adminUserids.includes(ctx.user);

/** The anchor of a live and the admins may read its watch stats and cancel it. */
export const canManage = (ctx: CommandContext, anchor: string): boolean => ctx.user === anchor || isAdmin(ctx);
