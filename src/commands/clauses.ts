import { AppError } from '../domain/errors';
import type { Right } from '../domain/mailbox';
import type { Duration } from './command';
import { looksLikeCount, parseFor, parseUntil } from './durations';
import { canonicalRights, parseRights, startsRights, tryParseRights } from './rights';
import { isWord, type Token } from './tokens';

export const MAX_REASON = 500;
const AUTOMAPPING = ['automapping', 'auto-mapping', 'automap', 'auto-map'];
/** One of each clause, and a spare; more than that is part of the reason. */
const MAX_TRAILING_CLAUSES = 5;
const UNITS = ['day', 'days', 'week', 'weeks'];
const GRANT_EXAMPLE = 'add alex@ to info@ as send as for 30 days because holiday cover';
/** Longest rights phrase worth trying ("send on behalf of , full access and send as"). */
const MAX_RIGHTS_WORDS = 16;

export interface Clauses {
  readonly rights?: readonly Right[];
  readonly automapping?: boolean;
  readonly duration?: Duration;
  readonly reason?: string;
}

/**
 * Whether an optional clause starts at `at`: "as …", "with send as", "for …", "until …",
 * "without automapping" or "because …".
 */
function clauseStart(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at];
  const next = tokens[at + 1];
  if (word === undefined || word.quoted) return false;
  switch (word.lower) {
    case 'as':
      return !isWord(tokens[at - 1], 'send');
    case 'for':
      if (next === undefined || next.quoted || !looksLikeCount(next.lower)) return false;
      return /\d/.test(next.lower) || isWord(tokens[at + 2], ...UNITS);
    case 'until':
    case 'because':
      return true;
    case 'with':
      return isAutomapping(tokens, at + 1) > 0 || (next !== undefined && !next.quoted && startsRights(next.lower));
    case 'without':
    case 'no':
      return isAutomapping(tokens, at + 1) > 0;
    default:
      return false;
  }
}

function isAutomapping(tokens: readonly Token[], at: number): number {
  if (isWord(tokens[at], ...AUTOMAPPING)) return 1;
  return isWord(tokens[at], 'auto') && isWord(tokens[at + 1], 'mapping') ? 2 : 0;
}

/** The words after "because" as the user wrote them, at most 500 characters. */
export function reasonText(text: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const reason = first === undefined || last === undefined ? '' : text.slice(first.start, last.end).trim();
  if (reason === '') throw new AppError('invalid', 'Say why after "because", for example "because of holiday cover".');
  if (reason.length > MAX_REASON) {
    throw new AppError('invalid', `The reason is ${reason.length} characters long; keep it to ${MAX_REASON}.`);
  }
  return reason;
}

interface ClauseState {
  rights: Right[];
  automapping?: boolean;
  duration?: Duration;
}

function readClauses(tokens: readonly Token[], state: ClauseState, today: Date): void {
  const setDuration = (value: Duration): void => {
    if (state.duration !== undefined) {
      throw new AppError('invalid', 'Give one length: either "for <n> days" or "until YYYY-MM-DD", once.');
    }
    state.duration = value;
  };
  let at = 0;
  while (at < tokens.length) {
    if (!clauseStart(tokens, at)) {
      const word = tokens[at]!.text.slice(0, 40);
      throw new AppError('invalid', `I didn't understand "${word}" in that request. Try: ${GRANT_EXAMPLE}`);
    }
    const word = tokens[at]!.lower;
    if (word === 'as' || (word === 'with' && isAutomapping(tokens, at + 1) === 0)) {
      let stop = at + 1;
      while (stop < tokens.length && !clauseStart(tokens, stop)) stop += 1;
      state.rights.push(...parseRights(tokens.slice(at + 1, stop).map((t) => t.text).join(' ')));
      at = stop;
    } else if (word === 'for') {
      setDuration(parseFor(tokens[at + 1]!.lower, tokens[at + 2]?.lower));
      at += 3;
    } else if (word === 'until') {
      setDuration(parseUntil(tokens[at + 1]?.bare, today));
      at += 2;
    } else {
      state.automapping = word === 'with';
      at += 1 + isAutomapping(tokens, at + 1);
    }
  }
}

/**
 * Splits "<mailbox> [as …] [for …] [until …] [without automapping] [because …]" (clauses in any
 * order) into the mailbox words and the clauses. Undefined when no mailbox words come first.
 */
export function splitGrantTail(
  text: string,
  tokens: readonly Token[],
  today: Date,
): { mailbox: readonly Token[]; clauses: Clauses } | undefined {
  if (tokens.length === 0 || clauseStart(tokens, 0)) return undefined;
  let end = 1;
  while (end < tokens.length && !clauseStart(tokens, end)) end += 1;
  const because = tokens.findIndex((t, index) => index >= end && isWord(t, 'because'));
  const head = tokens.slice(end, because === -1 ? tokens.length : because);
  const tail = because === -1 ? undefined : peelTrailingClauses(tokens.slice(because + 1));
  const state: ClauseState = { rights: [] };
  readClauses(head, state, today);
  if (tail !== undefined) readClauses(tail.clauses, state, today);
  const clauses: Clauses = {
    rights: state.rights.length > 0 ? canonicalRights(state.rights) : undefined,
    automapping: state.automapping,
    duration: state.duration,
    reason: tail === undefined ? undefined : reasonText(text, tail.reason),
  };
  return { mailbox: tokens.slice(0, end), clauses };
}

/** Clauses written after the reason ("because cover for 2 weeks") still count when they end it. */
function peelTrailingClauses(tokens: readonly Token[]): { reason: readonly Token[]; clauses: readonly Token[] } {
  let end = tokens.length;
  for (let peeled = 0; peeled < MAX_TRAILING_CLAUSES; peeled += 1) {
    const n = end;
    const count = tokens[n - 2]?.lower ?? '';
    if (n >= 3 && isWord(tokens[n - 3], 'for') && looksLikeCount(count) && isWord(tokens[n - 1], ...UNITS)) end -= 3;
    else if (n >= 2 && isWord(tokens[n - 2], 'until') && /^\d{4}-\d{2}-\d{2}$/.test(tokens[n - 1]!.bare)) end -= 2;
    else if (n >= 2 && isWord(tokens[n - 2], 'without', 'no') && isWord(tokens[n - 1], ...AUTOMAPPING)) end -= 2;
    else {
      const as = trailingRights(tokens, n);
      if (as === undefined) break;
      end = as;
    }
    if (end <= 0) break;
  }
  return { reason: tokens.slice(0, end), clauses: tokens.slice(end) };
}

function trailingRights(tokens: readonly Token[], end: number): number | undefined {
  for (let at = Math.max(0, end - MAX_RIGHTS_WORDS); at < end - 1; at += 1) {
    if (!isWord(tokens[at], 'as') || isWord(tokens[at - 1], 'send')) continue;
    if (tryParseRights(tokens.slice(at + 1, end).map((t) => t.text).join(' ')) !== undefined) return at;
  }
  return undefined;
}

/** Splits "<mailbox> [<rights>]" for removals: the longest valid rights phrase at the end, "as" optional. */
export function splitTrailingRights(tokens: readonly Token[]): { mailbox: readonly Token[]; rights?: readonly Right[] } {
  for (let at = Math.max(1, tokens.length - MAX_RIGHTS_WORDS); at < tokens.length; at += 1) {
    const from = isWord(tokens[at], 'as') && !isWord(tokens[at - 1], 'send') ? at + 1 : at;
    const rights = from < tokens.length ? tryParseRights(tokens.slice(from).map((t) => t.text).join(' ')) : undefined;
    if (rights !== undefined) return { mailbox: tokens.slice(0, at), rights };
    if (from > at) parseRights(tokens.slice(from).map((t) => t.text).join(' '));
  }
  return { mailbox: tokens };
}
