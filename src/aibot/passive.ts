/**
 * The 智能机器人's passive replies (docs/wecom-aibot-protocol.md §5): what the commands answered, as one stream
 * (markdown; the whole text so far, ≤ 20,480 bytes) with, in a single chat, the first card beside it
 * (stream_with_template_card). A group sees cards as markdown: the same rows, and no buttons that would act for
 * whoever clicks.
 */
import type { Reply } from '../replies/reply.js';
import type { AibotResponseBody, TemplateCard } from '../wecom/types.js';

const STREAM_MAX_BYTES = 20_480;
/** 1.周会: a list's rows and their buttons are numbered alike. */
const NUMBERED = /^(\d+)\./;

/** What a member types to do what a card's button does; undefined when nothing typed does it. */
export type TypedForButton = (key: string) => string | undefined;

/**
 * A card as markdown: title, rows and the description, as a member reads it in a group, then what to type for
 * each button that a message can do (查看详情 → 直播详情 ID), since markdown has no buttons.
 */
export function cardAsMarkdown(card: TemplateCard, typed: TypedForButton = () => undefined): string {
  const lines = [`**${card.main_title.title ?? ''}**${card.main_title.desc ? `　${card.main_title.desc}` : ''}`];
  if (card.emphasis_content?.title) lines.push(`> ${card.emphasis_content.title} ${card.emphasis_content.desc ?? ''}`);
  if (card.sub_title_text) lines.push(card.sub_title_text);
  // A list's rows and buttons are numbered alike (1.周会): each row carries its own button's message.
  const rowHint = new Map<string, string>();
  const hints: string[] = [];
  for (const b of card.button_list ?? []) {
    const message = b.key ? typed(b.key) : undefined;
    if (!message) continue;
    const number = NUMBERED.exec(b.text)?.[1];
    if (number && card.horizontal_content_list?.some((row) => row.keyname.startsWith(`${number}.`))) rowHint.set(number, message);
    else hints.push(`${b.text}：发送「${message}」`);
  }
  for (const row of card.horizontal_content_list ?? []) {
    const hint = rowHint.get(NUMBERED.exec(row.keyname)?.[1] ?? '');
    lines.push(`${row.keyname}：${row.value ?? ''}${hint ? ` · 发送「${hint}」` : ''}`);
  }
  if (hints.length > 0) lines.push('', ...hints);
  return lines.join('\n');
}

/** The text of `replies` for a stream, and the first card when the chat may show one. */
export function streamContent(replies: Reply[], cardsAllowed: boolean, typed?: TypedForButton): { content: string; card?: TemplateCard } {
  const parts: string[] = [];
  let card: TemplateCard | undefined;
  for (const r of replies) {
    if (r.kind === 'text' || r.kind === 'markdown') parts.push(r.content);
    else if (r.kind === 'card') {
      if (cardsAllowed && !card) card = r.card;
      else parts.push(cardAsMarkdown(r.card, typed));
    } else if (r.kind === 'file') parts.push(`文件「${r.filename}」已通过应用消息发送给你。`);
  }
  let content = parts.join('\n\n');
  while (Buffer.byteLength(content) > STREAM_MAX_BYTES) content = `${[...content].slice(0, -200).join('')}…`;
  return { content: content || (card ? '' : '好的。'), ...(card ? { card } : {}) };
}

/** The plaintext JSON of a stream reply (with a card beside it when there is one). */
export function streamReply(streamId: string, finish: boolean, content: string, card?: TemplateCard): object {
  const stream = { id: streamId, finish, content };
  return card ? { msgtype: 'stream_with_template_card', stream, template_card: card } : { msgtype: 'stream', stream };
}

/**
 * The one message a response_url takes (§6): a card alone as a template_card where cards may be shown (a single
 * chat), everything else as markdown, cards included as rows.
 */
export function responseBody(replies: Reply[], cardsAllowed: boolean, typed?: TypedForButton): AibotResponseBody {
  const [only] = replies;
  if (cardsAllowed && replies.length === 1 && only?.kind === 'card') return { msgtype: 'template_card', template_card: only.card };
  return { msgtype: 'markdown', markdown: { content: streamContent(replies, false, typed).content } };
}
