import { trimEnd } from './normalise';

export interface Token {
  /** The word as typed, quotes removed. */
  readonly text: string;
  /** The word without the comma or semicolon a sentence may hang on it, in lower case. */
  readonly lower: string;
  /** The word without that comma or semicolon, as typed. */
  readonly bare: string;
  /** Quoted words are always values, never keywords. */
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

/** Names are short: looking further for a closing quote would only make long input slow. */
const MAX_QUOTED = 320;

function quoteEnd(text: string, from: number, quote: string): number {
  let at = text.indexOf(quote, from + 1);
  while (at !== -1 && quote === "'" && at + 1 < text.length && text[at + 1] !== ' ' && at - from <= MAX_QUOTED) {
    at = text.indexOf(quote, at + 1);
  }
  return at === -1 || at - from > MAX_QUOTED ? -1 : at;
}

/** Splits single-spaced text into words; "…" and '…' group several words into one value. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === ' ') {
      at += 1;
      continue;
    }
    const quote = text[at];
    const close = quote === '"' || quote === "'" ? quoteEnd(text, at, quote) : -1;
    if (close > at + 1) {
      const inner = text.slice(at + 1, close).trim();
      tokens.push({ text: inner, lower: inner.toLowerCase(), bare: inner, quoted: true, start: at, end: close + 1 });
      at = close + 1;
      continue;
    }
    const space = text.indexOf(' ', at);
    const end = space === -1 ? text.length : space;
    const word = text.slice(at, end);
    const bare = trimEnd(word, ',;') || word;
    tokens.push({ text: word, lower: bare.toLowerCase(), bare, quoted: false, start: at, end });
    at = end;
  }
  return tokens;
}

/** The words of a value joined back, without punctuation the sentence put around it. */
export function valueOf(tokens: readonly Token[]): string {
  const text = tokens.map((t) => t.text).join(' ');
  let start = 0;
  while (start < text.length && ',;: '.includes(text[start]!)) start += 1;
  return trimEnd(text.slice(start), ',;: ');
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && !token.quoted && words.includes(token.lower);
}
