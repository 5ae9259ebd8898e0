import { AppError } from '../domain/errors';
import { ALL_RIGHTS, DEFAULT_RIGHTS, type Right } from '../domain/mailbox';
import { reasonText, splitGrantTail, splitTrailingRights } from './clauses';
import type { Command } from './command';
import { pattern, type Pattern, type Slots } from './pattern';
import { SETTING_FORMS } from './setting-forms';
import { calendarDay } from './calendar-day';
import { canonicalRights, tryParseRights } from './rights';
import { isWord, valueOf, type Token } from './tokens';

export interface Context {
  readonly text: string;
  readonly today: Date;
}

type Build = (slots: Slots, context: Context) => Command | undefined;

interface Form {
  readonly patterns: readonly Pattern[];
  readonly build: Build;
}

function form(sources: readonly string[], build: Build): Form {
  return { patterns: sources.map(pattern), build };
}

function value(tokens: readonly Token[] | undefined): string | undefined {
  const text = tokens === undefined ? '' : valueOf(tokens);
  return text === '' ? undefined : text;
}

function person(tokens: readonly Token[] | undefined): string | undefined {
  return value(tokens)?.replace(/'s$/i, '');
}

const mailboxOnly =
  (kind: 'who-can-access' | 'history' | 'owners' | 'review') =>
  (slots: Slots): Command | undefined => {
    const mailbox = value(slots.mailbox);
    return mailbox === undefined ? undefined : { kind, mailbox };
  };

const ownerChange =
  (kind: 'add-owner' | 'remove-owner') =>
  (slots: Slots): Command | undefined => {
    const who = person(slots.person);
    const mailbox = value(slots.mailbox);
    return who === undefined || mailbox === undefined ? undefined : { kind, person: who, mailbox };
  };

/** "give Bob send as to info@": rights may close the person words, "access" is just a filler. */
function splitLeadingRights(tokens: readonly Token[]): { person: readonly Token[]; rights?: Right[] } {
  const words = isWord(tokens[tokens.length - 1], 'access', 'rights', 'permission', 'permissions') ? tokens.slice(0, -1) : tokens;
  for (let at = Math.max(1, words.length - 16); at < words.length; at += 1) {
    const rights = tryParseRights(words.slice(at).map((t) => t.text).join(' '));
    if (rights !== undefined) return { person: words.slice(0, at), rights };
  }
  return { person: words };
}

const grant: Build = (slots, { text, today }) => {
  const lead = splitLeadingRights(slots.person ?? []);
  const who = person(lead.person);
  const tail = splitGrantTail(text, slots.rest ?? [], today);
  const mailbox = tail === undefined ? undefined : value(tail.mailbox);
  if (who === undefined || tail === undefined || mailbox === undefined) return undefined;
  const { rights, automapping, duration, reason } = tail.clauses;
  const named = [...(lead.rights ?? []), ...(rights ?? [])];
  return {
    kind: 'request-grant',
    person: who,
    mailbox,
    rights: named.length > 0 ? canonicalRights(named) : DEFAULT_RIGHTS,
    automapping: automapping ?? true,
    ...(duration === undefined ? {} : { duration }),
    ...(reason === undefined ? {} : { reason }),
  };
};

const revoke: Build = (slots, { text }) => {
  const rest = slots.rest ?? [];
  const because = rest.findIndex((t, index) => index > 0 && isWord(t, 'because'));
  const target = splitTrailingRights(because === -1 ? rest : rest.slice(0, because));
  const who = person(slots.person);
  const mailbox = value(target.mailbox);
  if (who === undefined || mailbox === undefined) return undefined;
  return {
    kind: 'request-revoke',
    person: who,
    mailbox,
    rights: target.rights ?? ALL_RIGHTS,
    ...(because === -1 ? {} : { reason: reasonText(text, rest.slice(because + 1)) }),
  };
};

const fixed = (command: Command): Build => () => command;

const REQUEST_ID = /^[A-Za-z0-9_-]{1,100}$/;

const undo: Build = (slots) => {
  const requestId = value(slots.id);
  if (requestId === undefined) return undefined;
  if (!REQUEST_ID.test(requestId)) {
    throw new AppError('invalid', `"${requestId.slice(0, 40)}" is not a request reference: copy it from the request card.`);
  }
  return { kind: 'undo', requestId };
};

const diagnosis: Build = (slots) => {
  const who = person(slots.person);
  const mailbox = value(slots.mailbox);
  return who === undefined || mailbox === undefined ? undefined : { kind: 'diagnose', person: who, mailbox };
};

const historySince: Build = (slots) => {
  const mailbox = value(slots.mailbox);
  const since = value(slots.date);
  return mailbox === undefined || since === undefined ? undefined : { kind: 'history', mailbox, since: calendarDay(since) };
};

const optionalMailbox =
  (kind: 'verify-history' | 'export-history') =>
  (slots: Slots): Command => {
    const mailbox = value(slots.mailbox);
    return mailbox === undefined ? { kind } : { kind, mailbox };
  };

/**
 * Every sentence the bot understands, first match wins: specific shapes before general ones. A slot
 * ends at the first word that may follow it, so "on" never follows a slot that may hold "send on behalf".
 */
export const FORMS: readonly Form[] = [
  form(
    ['help', 'help {topic}', 'commands', 'menu', 'hi', 'hello', 'what can you do', 'how does this work'],
    fixed({ kind: 'help' }),
  ),
  form(
    [
      'my mailboxes',
      'my shared mailboxes',
      'list|show my mailboxes',
      'list|show my shared mailboxes',
      'which|what mailboxes can i access|open|use',
      'which|what shared mailboxes can i access|open|use',
      'mailboxes',
    ],
    fixed({ kind: 'my-mailboxes' }),
  ),
  form(
    [
      'pending',
      'pending requests|approvals',
      'show|list pending',
      'show|list pending requests|approvals',
      'my approvals',
      'approvals',
      'what needs my approval',
      'requests waiting for me',
    ],
    fixed({ kind: 'pending' }),
  ),
  form(
    [
      'set approvals|approval channel',
      'set approvals|approval channel here',
      'set this as the approvals|approval channel',
      'use this channel for approvals',
    ],
    fixed({ kind: 'set-approvals-channel' }),
  ),
  form(
    ['review access to|on|of|for {mailbox}', 'access review of|for {mailbox}', 'start|run a|an access review of|for {mailbox}', 'review {mailbox}'],
    mailboxOnly('review'),
  ),
  form([
    'who can|could access|open|see|use {mailbox}',
    'who has|have access to|on {mailbox}',
    'who has|have access {mailbox}',
    'show|list access to|for|on {mailbox}',
    'access to|for|on {mailbox}',
    'access {mailbox}',
    'permissions on|for|of {mailbox}',
  ], mailboxOnly('who-can-access')),
  form(
    [
      'history of|for {mailbox} since {date}',
      'history {mailbox} since {date}',
      'show history of|for {mailbox} since {date}',
      'audit log|history of|for {mailbox} since {date}',
    ],
    historySince,
  ),
  form(
    ['verify|check history|audit', 'verify|check the history|audit', 'verify|check history|audit of|for {mailbox}', 'verify|check history|audit {mailbox}'],
    optionalMailbox('verify-history'),
  ),
  form(
    ['export history|audit', 'export the history|audit', 'export audit log', 'export history|audit of|for {mailbox}', 'export history|audit {mailbox}'],
    optionalMailbox('export-history'),
  ),
  form(['report', 'tenant report', 'run the report', 'shared mailbox report', 'mailbox report'], fixed({ kind: 'report' })),
  form(['undo request {id}', 'undo {id}'], undo),
  form(
    [
      "why can't|cannot|cant {person} open|access|see|use {mailbox}",
      'why can {person} not open|access|see|use {mailbox}',
      "why doesn't|does {person} see|have {mailbox}",
      'check {person} on|for {mailbox}',
      'diagnose {person} on|for {mailbox}',
    ],
    diagnosis,
  ),
  form(
    [
      'history of|for {mailbox}',
      'history {mailbox}',
      'show history of|for {mailbox}',
      'audit log|history of|for {mailbox}',
      'audit {mailbox}',
    ],
    mailboxOnly('history'),
  ),
  form([
    'owners of|for {mailbox}',
    'owners {mailbox}',
    'list|show owners of|for {mailbox}',
    'list|show the owners of|for {mailbox}',
    'who owns|approves {mailbox}',
    'who approves for {mailbox}',
    'who are the owners of {mailbox}',
  ], mailboxOnly('owners')),
  form([
    'add owner {person} to|for {mailbox}',
    'add {person} as an owner|approver of|to|for {mailbox}',
    'add {person} as owner|approver of|to|for {mailbox}',
    'make {person} an|the owner|approver of {mailbox}',
    'make {person} owner|approver of {mailbox}',
  ], ownerChange('add-owner')),
  form([
    'remove|delete owner {person} from|of {mailbox}',
    'remove|delete {person} as an owner|approver of|from|for {mailbox}',
    'remove|delete {person} as owner|approver of|from|for {mailbox}',
  ], ownerChange('remove-owner')),
  form([
    'add {person} to {rest}',
    'grant|give {person} access to|on {rest}',
    'grant|give {person} to {rest}',
  ], grant),
  form([
    'remove|revoke|delete {person} from|on {rest}',
    'revoke|remove {person} access to|from|on {rest}',
    'take away {person} access to|from|on {rest}',
  ], revoke),
  ...SETTING_FORMS,
];
