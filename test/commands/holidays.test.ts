import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comingNamedDay } from '../../src/commands/slots/holidays.js';
import { WORDS } from '../../src/commands/slots/words.js';

const on = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const coming = (name: keyof typeof WORDS.namedDays, today: string) => {
  const d = comingNamedDay(WORDS.namedDays[name], on(today));
  return d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

describe('named days', () => {
  // The official calendar (国务院 holiday notices, Hong Kong Observatory): ICU's Chinese calendar is a day off in 2027 and 2030.
  it('puts 春节 on the day of the new moon in Beijing', () => {
    assert.equal(coming('春节', '2026-11-25'), '2027-02-06');
    assert.equal(coming('春节', '2027-03-01'), '2028-01-26');
    assert.equal(coming('春节', '2029-06-01'), '2030-02-03');
  });
  it('reads 除夕 as the day before 春节, and the other lunar festivals by the same calendar', () => {
    assert.equal(coming('除夕', '2026-11-25'), '2027-02-05');
    assert.equal(coming('元宵节', '2026-11-25'), '2027-02-20');
    assert.equal(coming('端午', '2026-11-25'), '2027-06-09');
    assert.equal(coming('中秋', '2026-11-25'), '2027-09-15');
    // 腊八 of the lunar year 2026 falls in January 2027.
    assert.equal(coming('腊八', '2026-11-25'), '2027-01-15');
  });
  it('reads 清明 and 冬至 as their solar terms and 感恩节 as the fourth Thursday of November', () => {
    assert.equal(coming('清明', '2026-11-25'), '2027-04-05');
    // 冬至 2026 falls at 04:50 on December 22 in Beijing (December 21 in UTC).
    assert.equal(coming('冬至', '2026-11-25'), '2026-12-22');
    assert.equal(coming('立春', '2026-11-25'), '2027-02-04');
    assert.equal(coming('感恩节', '2026-11-25'), '2026-11-26');
  });
  it('counts today as the coming one', () => {
    assert.equal(coming('春节', '2027-02-06'), '2027-02-06');
    assert.equal(coming('春节', '2027-02-07'), '2028-01-26');
  });
});
