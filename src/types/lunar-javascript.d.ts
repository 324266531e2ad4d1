// The part of lunar-javascript (6tail, MIT) the reader uses: it ships no types of its own.
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
  }
  export interface Lunar {
    getSolar(): Solar;
    /** The 24 solar terms around this lunar year, by their Chinese names (清明, …). */
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: {
    /** Throws when the lunar month has no such day (a 29-day month's 30th). */
    fromYmd(year: number, month: number, day: number): Lunar;
  };
}
