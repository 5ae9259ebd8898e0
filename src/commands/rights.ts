import { AppError } from '../domain/errors';
import { ALL_RIGHTS, type Right } from '../domain/mailbox';

const WORDS: Readonly<Record<string, readonly Right[]>> = {
  'full access': ['full-access'],
  fullaccess: ['full-access'],
  full: ['full-access'],
  'send as': ['send-as'],
  sendas: ['send-as'],
  'send on behalf': ['send-on-behalf'],
  'send on behalf of': ['send-on-behalf'],
  'send on behalf of access': ['send-on-behalf'],
  sendonbehalf: ['send-on-behalf'],
  sendonbehalfof: ['send-on-behalf'],
  sob: ['send-on-behalf'],
  all: ALL_RIGHTS,
  'all rights': ALL_RIGHTS,
  everything: ALL_RIGHTS,
};

const FIRST_WORDS = new Set([
  'full', 'fullaccess', 'full-access', 'send', 'sendas', 'send-as', 'send-on-behalf', 'sendonbehalf', 'sob',
]);

/** Whether a word can open a rights phrase ("with send as"), so a clause can start there. */
export function startsRights(word: string): boolean {
  return FIRST_WORDS.has(word);
}

export const RIGHTS_HELP =
  'Name rights as "full access", "send as" or "send on behalf", joined with "and", "," or "+" ' +
  '(for example: as full access and send as).';

/** Rights in their canonical order, without repeats. */
export function canonicalRights(rights: Iterable<Right>): Right[] {
  const wanted = new Set(rights);
  return ALL_RIGHTS.filter((right) => wanted.has(right));
}

function items(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .split(/,|\+|&|\/|\band\b/)
    .map((item) => item.replace(/\b(?:rights?|permissions?)\b/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

/** The rights a phrase names, or undefined when any word in it is not a right. */
export function tryParseRights(phrase: string): Right[] | undefined {
  const found: Right[] = [];
  const parts = items(phrase);
  if (parts.length === 0) return undefined;
  for (const item of parts) {
    const rights = WORDS[item];
    if (rights === undefined) return undefined;
    found.push(...rights);
  }
  return canonicalRights(found);
}

export function parseRights(phrase: string): Right[] {
  const rights = tryParseRights(phrase);
  if (rights !== undefined) return rights;
  const unknown = items(phrase).filter((item) => WORDS[item] === undefined);
  const shown = unknown.length > 0 ? `I don't know the right "${unknown.join('", "').slice(0, 60)}". ` : 'Which rights? ';
  throw new AppError('invalid', shown + RIGHTS_HELP);
}
