/** What a command answers; the outbox turns it into message/send or message/update_template_card. */
import type { TemplateCard } from '../wecom/types.js';

export type Reply =
  | { kind: 'text'; content: string }
  | { kind: 'markdown'; content: string }
  | { kind: 'card'; card: TemplateCard }
  /** A file uploaded with media/upload (the member sees `filename`). */
  | { kind: 'file'; mediaId: string; filename: string }
  /** Changes the card a member clicked: grey its buttons out with a new label, or replace it. */
  | { kind: 'update-card'; responseCode: string; replaceName: string }
  | { kind: 'replace-card'; responseCode: string; card: TemplateCard };

/** A plain-text reply. */
export const text = (content: string): Reply => ({ kind: 'text', content });
