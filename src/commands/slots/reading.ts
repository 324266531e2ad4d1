/**
 * A member's text as the bot reads it, tied to the text as it was written. Reading needs a normalised copy
 * (full-width digits and punctuation folded, relative dates rewritten as explicit ones), but what the member wrote
 * is what gets stored: every character of the copy remembers the span of the original it came from, so a slot
 * found in the copy cuts the member's own characters out of the original.
 */

import { simplified } from './traditional.js';

export interface Span {
  start: number;
  end: number;
}

export class Reading {
  private constructor(
    /** The normalised copy that slots are read from. */
    readonly text: string,
    readonly original: string,
    /** For each UTF-16 unit of `text`, where its source starts and ends in `original`. */
    private readonly from: readonly number[],
    private readonly to: readonly number[],
  ) {}

  /** NFKC folds full-width letters, digits, spaces and ：，（） into ASCII, and Traditional forms into simplified ones, one character at a time. */
  static of(original: string): Reading {
    let text = '';
    const from: number[] = [];
    const to: number[] = [];
    let offset = 0;
    for (const char of original) {
      // A line break stays one: labelled lines (主题：…\n时间：…) end at it.
      const folded = char === '\n' ? '\n' : /\s/.test(char) ? ' ' : simplified(char.normalize('NFKC'));
      for (let i = 0; i < folded.length; i++) {
        from.push(offset);
        to.push(offset + char.length);
      }
      text += folded;
      offset += char.length;
    }
    return new Reading(text, original, from, to);
  }

  /** The copy with every match of `pattern` (global) replaced; replaced characters map to the whole match. */
  replace(pattern: RegExp, replacement: (match: RegExpExecArray) => string): Reading {
    let text = '';
    const from: number[] = [];
    const to: number[] = [];
    let last = 0;
    const keep = (start: number, end: number) => {
      text += this.text.slice(start, end);
      from.push(...this.from.slice(start, end));
      to.push(...this.to.slice(start, end));
    };
    for (const m of this.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      keep(last, start);
      const value = replacement(m as RegExpExecArray);
      for (let i = 0; i < value.length; i++) {
        from.push(this.from[start] ?? this.original.length);
        to.push(this.to[end - 1] ?? this.original.length);
      }
      text += value;
      last = end;
    }
    keep(last, this.text.length);
    return new Reading(text, this.original, from, to);
  }

  /** The copy with the characters of `spans` (in the copy) blanked out, so nothing is read inside them. */
  mask(spans: readonly Span[]): Reading {
    const chars = [...this.text.split('')];
    for (const { start, end } of spans) for (let i = start; i < end; i++) chars[i] = ' ';
    return new Reading(chars.join(''), this.original, this.from, this.to);
  }

  /** The span of the original that `span` of the copy came from. */
  source(span: Span): Span {
    if (span.end <= span.start) return { start: this.from[span.start] ?? this.original.length, end: this.from[span.start] ?? this.original.length };
    return { start: this.from[span.start]!, end: this.to[span.end - 1]! };
  }
}
