/**
 * WeCom's template-card limits (docs/wecom-protocol.md §4 and the message/send page), checked when a card is built so a bad card
 * fails in our code with a clear reason rather than at WeCom with 40058.
 */
import { randomBytes } from 'node:crypto';
import type { TemplateCard } from '../wecom/types.js';

export const MAX_ROWS = 6;
export const MAX_BUTTONS = 6;
export const MAX_JUMPS = 3;
/** WeCom's recommended maximum lengths, in characters; builders cut longer text with "…" by clip(). */
export const TITLE_MAX = 26;
export const DESC_MAX = 30;
export const KEYNAME_MAX = 5;
export const VALUE_MAX = 30;
export const BUTTON_TEXT_MAX = 10;
/** The hard ceiling checkCard enforces for a row value (a live ID, ~32 characters, is shown whole). */
const VALUE_HARD_MAX = 64;
const TASK_ID = /^[0-9a-zA-Z_\-@]{1,128}$/;

/** A card broke one of WeCom's limits. */
export class CardLimitError extends Error {
  override name = 'CardLimitError';
}

/** Cuts `text` to `max` characters, ending with "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A task_id that is unique per app (WeCom refuses a reused one with 42014) and within its charset. */
export function newTaskId(kind: string): string {
  return `${kind}_${Date.now().toString(36)}_${randomBytes(6).toString('base64url')}`;
}

/** Throws CardLimitError unless `card` is within WeCom's limits; returns it. */
export function checkCard(card: TemplateCard): TemplateCard {
  const fail = (why: string): never => {
    throw new CardLimitError(`template card refused: ${why}`);
  };
  if ((card.horizontal_content_list?.length ?? 0) > MAX_ROWS) fail(`more than ${MAX_ROWS} rows`);
  if ((card.button_list?.length ?? 0) > MAX_BUTTONS) fail(`more than ${MAX_BUTTONS} buttons`);
  if ((card.jump_list?.length ?? 0) > MAX_JUMPS) fail(`more than ${MAX_JUMPS} jumps`);
  if ([...(card.main_title.title ?? '')].length > TITLE_MAX) fail(`title over ${TITLE_MAX} characters`);
  for (const row of card.horizontal_content_list ?? []) {
    if ([...row.keyname].length > KEYNAME_MAX) fail(`row name "${row.keyname}" over ${KEYNAME_MAX} characters`);
    if ([...(row.value ?? '')].length > VALUE_HARD_MAX) fail(`row value over ${VALUE_HARD_MAX} characters`);
  }
  if (card.card_type === 'button_interaction') {
    if (!card.task_id || !TASK_ID.test(card.task_id)) fail('task_id missing or outside [0-9a-zA-Z_-@]{1,128}');
    const buttons = card.button_list ?? [];
    if (buttons.length === 0) fail('a button_interaction card needs a button');
    const keys = new Set<string>();
    for (const b of buttons) {
      const key = b.key ?? '';
      if ([...b.text].length > BUTTON_TEXT_MAX) fail(`button "${b.text}" over ${BUTTON_TEXT_MAX} characters`);
      if (key === '' || Buffer.byteLength(key) > 1024) fail('button key missing or over 1024 bytes');
      if (keys.has(key)) fail(`button key "${key}" used twice`);
      keys.add(key);
    }
  }
  if (card.card_type === 'text_notice' && !card.card_action) fail('a text_notice card needs card_action');
  return card;
}

/** The source line every card of the bot shows. */
export const SOURCE = { desc: '直播助手', desc_color: 0 as const };
