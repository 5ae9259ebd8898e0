import type { Token } from './tokens';

type Part = { readonly words: readonly string[] } | { readonly slot: string };
export type Slots = Readonly<Record<string, readonly Token[]>>;

/**
 * A sentence shape such as `who can|could access {mailbox}`: words (with `|` alternatives) and
 * `{slots}` that take one or more words. A slot ends at the first word that matches what follows it,
 * so matching is a single left-to-right pass and never backtracks.
 */
export interface Pattern {
  readonly source: string;
  match(tokens: readonly Token[]): Slots | undefined;
}

export function pattern(source: string): Pattern {
  const parts: Part[] = source.split(' ').map((piece) => {
    const slot = /^\{(\w+)\}$/.exec(piece);
    return slot?.[1] !== undefined ? { slot: slot[1] } : { words: piece.split('|') };
  });
  parts.forEach((part, index) => {
    if ('slot' in part && index + 1 < parts.length && 'slot' in parts[index + 1]!) {
      throw new Error(`pattern "${source}" has two slots in a row`);
    }
  });
  return { source, match: (tokens) => matchParts(parts, tokens) };
}

function fits(part: Part | undefined, token: Token | undefined): boolean {
  return part !== undefined && 'words' in part && token !== undefined && !token.quoted && part.words.includes(token.lower);
}

function matchParts(parts: readonly Part[], tokens: readonly Token[]): Slots | undefined {
  const slots: Record<string, readonly Token[]> = {};
  let at = 0;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if ('words' in part) {
      if (!fits(part, tokens[at])) return undefined;
      at += 1;
      continue;
    }
    const next = parts[index + 1];
    let end = next === undefined ? tokens.length : at + 1;
    while (next !== undefined && end < tokens.length && !fits(next, tokens[end])) end += 1;
    if (end > tokens.length || end <= at || (next !== undefined && end === tokens.length)) return undefined;
    slots[part.slot] = tokens.slice(at, end);
    at = end;
  }
  return at === tokens.length ? slots : undefined;
}
