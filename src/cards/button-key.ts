/**
 * Card button keys, written and read in one place: `command`, `command:arg` or `command.action:arg`. A click
 * comes back with the key alone, so the key carries everything the action needs (WeCom allows 1,024 bytes).
 * Keys of cards sent by earlier versions (`info:ID`, `cancel:ID`, `apistats`) read the same way.
 */

export interface ButtonKey {
  command: string;
  /** Absent: run the command with `arg` as its argument text. */
  action?: string;
  arg?: string;
}

const KEY = /^([a-z]+)(?:\.([a-z]+))?(?::([^:]*))?$/;

/** The key of a button that runs `command` (with `action`) on `arg`. */
export function buttonKey(command: string, arg?: string, action?: string): string {
  return `${command}${action ? `.${action}` : ''}${arg === undefined ? '' : `:${arg}`}`;
}

/** Reads a key written by buttonKey; null for anything else. */
export function readButtonKey(key: string): ButtonKey | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const out: ButtonKey = { command: m[1]! };
  if (m[2]) out.action = m[2];
  if (m[3] !== undefined) out.arg = m[3];
  return out;
}
