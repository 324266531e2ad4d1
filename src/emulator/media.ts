/**
 * The emulator's media/upload and media/get: multipart uploads (the part named "media", as WeCom requires), kept
 * in memory for WeCom's 3 days and downloadable, so a test can open exactly the bytes the bot uploaded.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { EmulatedWeComError, invalidParam } from './wecom-error.js';

export interface EmulatedMedia {
  mediaId: string;
  type: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  createdAt: number;
}

const TYPES: Record<string, number> = { image: 10 << 20, voice: 2 << 20, video: 10 << 20, file: 20 << 20 };
const TTL_MS = 3 * 24 * 3600 * 1000;

export class EmulatedMediaStore {
  private readonly byId = new Map<string, EmulatedMedia>();

  constructor(private readonly clock: Clock) {}

  /** media/upload with the raw multipart body and its Content-Type header. */
  upload(type: unknown, contentType: string | undefined, body: unknown): { type: string; media_id: string; created_at: string } {
    if (typeof type !== 'string' || !(type in TYPES)) throw invalidParam('type');
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    if (!boundary || !Buffer.isBuffer(body)) throw new EmulatedWeComError(44001, 'empty media data');
    const part = readParts(body, boundary[1] ?? boundary[2]!).find((p) => p.name === 'media');
    if (!part || !part.filename) throw new EmulatedWeComError(41005, 'media data missing');
    if (part.data.length <= 5) throw new EmulatedWeComError(40004, 'invalid media size');
    if (part.data.length > TYPES[type]!) throw new EmulatedWeComError(40006, 'invalid file size');
    const media: EmulatedMedia = {
      mediaId: randomBytes(24).toString('base64url'),
      type,
      filename: part.filename,
      contentType: part.contentType,
      bytes: part.data,
      createdAt: this.clock.now(),
    };
    this.byId.set(media.mediaId, media);
    return { type, media_id: media.mediaId, created_at: String(Math.floor(media.createdAt / 1000)) };
  }

  /** The upload behind `mediaId`, or WeCom's "invalid media_id" once it is unknown or 3 days old. */
  get(mediaId: unknown): EmulatedMedia {
    const media = typeof mediaId === 'string' ? this.byId.get(mediaId) : undefined;
    if (!media || this.clock.now() - media.createdAt > TTL_MS) throw new EmulatedWeComError(40007, 'invalid media_id');
    return media;
  }

  /** Every upload, oldest first. */
  all(): EmulatedMedia[] {
    return [...this.byId.values()];
  }
}

interface Part {
  name: string;
  filename: string | undefined;
  contentType: string;
  data: Buffer;
}

/** Splits a multipart/form-data body into its parts (binary-safe). */
function readParts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // skip the CRLF after the delimiter and before the next one
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      parts.push({
        name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '',
        filename: /filename="([^"]*)"/i.exec(disposition)?.[1],
        contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream',
        data: Buffer.from(chunk.subarray(headerEnd + 4)),
      });
    }
    at = next;
  }
  return parts;
}
