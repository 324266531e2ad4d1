/** The typed messages a WeCom callback can carry (docs/wecom-protocol.md §5), as the bot sees them after decryption. */

interface Base {
  /** The sender's userid. */
  from: string;
  /** Unix seconds. */
  createTime: number;
  agentId: string;
  /** What dedupe keys on: MsgId when there is one, else a digest of the whole decrypted XML. */
  dedupeKey: string;
  /** The shared de-duplication could not be asked (Redis down): another instance may run the same message. */
  unverified?: true;
}

export interface TextMessage extends Base {
  kind: 'text';
  /** Where the conversation happens, when not the app's chat: the 智能机器人's single chat or a group. */
  chat?: string;
  /** 64-bit: kept as a string, never a JS number. */
  msgId: string;
  content: string;
}

export interface CardClick extends Base {
  kind: 'card-click';
  /** Where the card was clicked, when not the app's chat (a question it asks is answered there). */
  chat?: string;
  eventKey: string;
  taskId: string;
  cardType: string;
  /** Single-use code for update_template_card on the clicked card. */
  responseCode: string;
}

export interface LivingStatusChange extends Base {
  kind: 'living-status';
  livingId: string;
  status: number;
}

/** Any other event (enter_agent, subscribe, …): acknowledged, not acted on. */
export interface OtherEvent extends Base {
  kind: 'event';
  event: string;
}

/** Image, voice, location, …: the bot answers with a pointer to 帮助. */
export interface OtherMessage extends Base {
  kind: 'other';
  msgType: string;
  msgId: string | undefined;
}

export type CallbackMessage = TextMessage | CardClick | LivingStatusChange | OtherEvent | OtherMessage;
