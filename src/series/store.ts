/**
 * A series of lives (issue 22): the lives the bot made for one rule (每周一10:00 共8次), under the series' own ID, so
 * 取消系列 can cancel the sessions still to come. In Redis when scaled out (src/stores.ts), in this process otherwise.
 */
import { randomBytes } from 'node:crypto';

export interface SeriesLive {
  livingid: string;
  /** Unix seconds. */
  start: number;
}

export interface SeriesRecord {
  seriesId: string;
  /** Set on a live's pointer record (its other fields empty): the series it belongs to. */
  pointer?: true;
  theme: string;
  anchor: string;
  lives: SeriesLive[];
}

/** Where a live's series is found: the same store, under the live's ID (a pointer, not a copy). */
export const seriesKeyOf = (livingid: string): string => `live:${livingid}`;

/** How long a series is kept: past its last session. */
export const SERIES_KEEP_MS = 400 * 24 * 3_600_000;

/** A new series ID: `sr` and letters, as members paste it (取消系列 srAbC123…). */
export const newSeriesId = (): string => `sr${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
