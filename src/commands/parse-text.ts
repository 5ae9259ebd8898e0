import type { Command } from './command';
import { FORMS } from './forms';
import { normaliseText } from './normalise';
import { tokenize } from './tokens';

const SHOWN_LENGTH = 100;
/** A command names one person; a message mentioning dozens is not worth comparing against each. */
const MAX_MENTIONS = 20;
const MENTION = /<at\b[^<>]*>([^<]*)<\/at\s*>/gi;
const LEADING_MENTIONS = /^(?:\s|&nbsp;)*(?:<at\b[^<>]*>[^<]*<\/at\s*>(?:\s|&nbsp;)*)+/i;

type Attempt = { readonly command?: Command; readonly error?: unknown };

function parseNormalised(text: string, today: Date): Command | undefined {
  const tokens = tokenize(text);
  for (const { patterns, build } of FORMS) {
    for (const shape of patterns) {
      const slots = shape.match(tokens);
      const command = slots === undefined ? undefined : build(slots, { text, today });
      if (command !== undefined) return command;
    }
  }
  return undefined;
}

function attempt(text: string, today: Date): Attempt {
  try {
    return { command: parseNormalised(text, today) };
  } catch (error) {
    return { error };
  }
}

function settle(result: Attempt): Command | undefined {
  if (result.error !== undefined) throw result.error;
  return result.command;
}

/**
 * Reads a chat message (the bot's own mention already removed) as a Command. Text it cannot read
 * becomes help; a request it reads but cannot accept (unknown rights, a date in the past) throws
 * AppError('invalid') saying why.
 */
export function parseText(message: string, today: Date = new Date()): Command {
  const text = message.replace(LEADING_MENTIONS, ' ');
  const normalised = normaliseText(text);
  if (normalised === '') return { kind: 'help' };
  const command = /<at\b/i.test(text) ? parseWithMentions(text, normalised, today) : parseNormalised(normalised, today);
  return command ?? { kind: 'help', notUnderstood: normalised.slice(0, SHOWN_LENGTH) };
}

/**
 * Other people's @mentions name the person in "add @Alex to info@", and are noise anywhere else
 * ("@Megan who can access info@"), so the mention-free reading wins unless a person is mentioned.
 */
function parseWithMentions(text: string, normalised: string, today: Date): Command | undefined {
  const names = [...new Set([...text.matchAll(MENTION)].map((match) => normaliseText(match[1] ?? '').toLowerCase()))]
    .filter((name) => name !== '')
    .slice(0, MAX_MENTIONS);
  const kept = attempt(normalised, today);
  const person = kept.command !== undefined && 'person' in kept.command ? kept.command.person.toLowerCase() : undefined;
  if (person !== undefined && names.some((name) => person.includes(name))) return kept.command;
  const withoutMentions = normaliseText(text, true);
  const dropped = withoutMentions === '' ? {} : attempt(withoutMentions, today);
  if (dropped.command !== undefined) return dropped.command;
  return settle(kept.error !== undefined || kept.command !== undefined ? kept : dropped);
}
