/** Adds one benchmark's figures to bench/results.json, keeping the other benchmarks' sections. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'bench/results.json';

export function saveResults(section: string, figures: object): void {
  const all = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>) : {};
  all[section] = { ...figures, at: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
}
