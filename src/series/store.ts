/**
 * A series of lives (issue 22): the lives the bot made for one rule (每周一10:00 共8次), under the series' own ID, so
 * 取消系列 can cancel the sessions still to come. In Redis when scaled out (src/stores.ts), in this process otherwise.
 */
import { randomBytes } from 'node:crypto';
import type { ExpiringStore } from '../expiring.js';

export interface SeriesLive {
  livingid: string;
  /** Unix seconds. */
  start: number;
}

export interface SeriesRecord {
  seriesId: string;
  theme: string;
  anchor: string;
  lives: SeriesLive[];
}

/** Which series a live belongs to (the index by livingid, beside the series themselves). */
export interface SeriesOfLive {
  seriesId: string;
}

/** How long a series is kept: past its last session. */
export const SERIES_KEEP_MS = 400 * 24 * 3_600_000;

/** The series, and which series each live belongs to: written together, read by ID or by a session's livingid. */
export class SeriesStore {
  constructor(
    private readonly records: ExpiringStore<SeriesRecord>,
    private readonly index: ExpiringStore<SeriesOfLive>,
  ) {}

  /** The series `seriesId`, if it is kept. */
  get(seriesId: string): Promise<SeriesRecord | undefined> {
    return this.records.get(seriesId);
  }

  /** The series the live `livingid` is a session of, if any. */
  async ofLive(livingid: string): Promise<SeriesRecord | undefined> {
    // Series made before the index was kept a pointer record under live:<id> in the same store.
    const entry = (await this.index.get(livingid)) ?? (await this.records.get(`live:${livingid}`));
    return entry && this.records.get(entry.seriesId);
  }

  /** Stores `record` (replacing an earlier one) and indexes each of its sessions. */
  async save(record: SeriesRecord): Promise<void> {
    await this.records.set(record.seriesId, record, SERIES_KEEP_MS);
    for (const l of record.lives) await this.index.set(l.livingid, { seriesId: record.seriesId }, SERIES_KEEP_MS);
  }
}

/** A new series ID: `sr` and letters, as members paste it (取消系列 srAbC123…). */
export const newSeriesId = (): string => `sr${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
