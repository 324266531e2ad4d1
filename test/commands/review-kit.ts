/**
 * What the review sets are written in (review-set.ts, fresh-set*.ts): each message with what the bot must do — make
 * this live, ask, run another command, or none of these — and the short helpers the writers used.
 */
export type Expect =
  | { live: { theme: string; start: string; duration?: number; description?: string; remind?: number } }
  | { ask: string }
  | { command: 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help'; livingid?: string; described?: true }
  | { none: string };
export interface Case { text: string; expect: Expect; cls: string }
export interface Dialog { turns: [string, string]; expect: Expect; cls: string }
type LiveOpts = { duration?: number; description?: string; remind?: number };
type Cmd = 'list' | 'info' | 'modify' | 'cancel' | 'watch' | 'export' | 'apistats' | 'ping' | 'help';
/** This live (start as YYYY-MM-DDTHH:mm in Shanghai). */
export const L = (theme: string, start: string, o: LiveOpts = {}): Expect => ({ live: { theme, start, ...o } });
/** One question, about `note`. */
export const A = (note: string): Expect => ({ ask: note });
/** No live and no question about one. */
export const N = (note: string): Expect => ({ none: note });
/** Another command (by its ID when given). */
export const C = (command: Cmd, livingid?: string): Expect => (livingid ? { command, livingid } : { command });
/** Another command, the live described in words. */
export const D = (command: Cmd): Expect => ({ command, described: true });
/** Rows of one class. */
export const mk = (cls: string, rows: [string, Expect][]): Case[] => rows.map(([text, expect]) => ({ text, expect, cls }));
export const H = 3600;
export const M = 60;
