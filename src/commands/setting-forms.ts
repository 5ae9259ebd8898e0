import { AppError } from '../domain/errors';
import { MAX_REPLY } from '../domain/setting-change';
import type { Command } from './command';
import { parseUntil } from './durations';
import type { Context } from './forms';
import { pattern, type Pattern, type Slots } from './pattern';
import { isWord, valueOf, type Token } from './tokens';


type Build = (slots: Slots, context: Context) => Command | undefined;

interface SettingForm {
  readonly patterns: readonly Pattern[];
  readonly build: Build;
}

const form = (sources: readonly string[], build: Build): SettingForm => ({ patterns: sources.map(pattern), build });

function value(tokens: readonly Token[] | undefined): string | undefined {
  const text = tokens === undefined ? '' : valueOf(tokens);
  return text === '' ? undefined : text;
}

const onMailbox =
  (make: (mailbox: string) => Command) =>
  (slots: Slots): Command | undefined => {
    const mailbox = value(slots.mailbox);
    return mailbox === undefined ? undefined : make(mailbox);
  };

const automap = (automapping: boolean): Build => (slots) => {
  const mailbox = value(slots.mailbox);
  const person = value(slots.person)?.replace(/'s$/i, '');
  return mailbox === undefined || person === undefined ? undefined : { kind: 'request-automap', mailbox, person, automapping };
};

const KEEP_COPY = /^(.*?)(?:,? (?:and )?(?:keep|keeping) (?:a )?cop(?:y|ies)(?: in (?:the )?mailbox)?)$/i;

/** "forward info@ to anna@contoso.com [and keep a copy]". */
const forward: Build = (slots) => {
  const mailbox = value(slots.mailbox);
  const rest = value(slots.rest);
  if (mailbox === undefined || rest === undefined) return undefined;
  const copy = KEEP_COPY.exec(rest);
  const to = (copy ? copy[1] ?? '' : rest).trim();
  if (to === '') return undefined;
  if (/\s/.test(to)) throw new AppError('invalid', `Forward to one email address, like "forward info@ to anna@contoso.com".`);
  return { kind: 'request-forwarding', mailbox, to, keepCopy: copy !== null };
};

const REPLY = /^(?:auto[- ]?repl(?:y|ies)|automatic repl(?:y|ies)|out of office|ooo) (.+?) "([^"]*)"(?: until (\S+))?$/i;
const REPLY_OFF = /^(?:auto[- ]?repl(?:y|ies)|automatic repl(?:y|ies)|out of office|ooo) (.+?) (?:off|disable|disabled|stop)$/i;
const TURN_OFF = /^(?:turn off|stop|disable) (?:the )?(?:auto[- ]?repl(?:y|ies)|automatic replies|out of office) (?:on|for|of) (.+)$/i;

/** `auto reply info@ "text" [until YYYY-MM-DD]` and `auto reply info@ off`, read from the whole text: replies may be long. */
const autoReply: Build = (_slots, { text, today }) => {
  const off = REPLY_OFF.exec(text) ?? TURN_OFF.exec(text);
  if (off?.[1]) return { kind: 'request-auto-reply', mailbox: off[1] };
  const on = REPLY.exec(text);
  if (!on?.[1] || on[2] === undefined) {
    throw new AppError('invalid', 'Put the reply in quotes, for example: auto reply info@ "We are closed until Monday" until 2026-12-01');
  }
  const message = replyText(on[2]);
  const until = on[3] === undefined ? undefined : (parseUntil(on[3], today) as { until: string }).until;
  return { kind: 'request-auto-reply', mailbox: on[1], message, ...(until ? { until } : {}) };
};

/** Replies are plain text: markup is refused rather than sent to every correspondent. */
export function replyText(raw: string): string {
  const message = raw.trim();
  if (message === '') throw new AppError('invalid', 'The automatic reply is empty: write the text between the quotes.');
  if (/[<>]/.test(message)) throw new AppError('invalid', 'Write the automatic reply as plain text, without HTML tags.');
  if (message.length > MAX_REPLY) {
    throw new AppError('invalid', `The automatic reply is ${message.length} characters long; keep it to ${MAX_REPLY}.`);
  }
  return message;
}

/** `create shared mailbox "Support" support@contoso.com [with bob, anna]`. */
const create: Build = (slots) => {
  const tokens = slots.rest ?? [];
  const at = tokens.findIndex((t) => !t.quoted && t.bare.includes('@'));
  if (at < 1) {
    throw new AppError('invalid', 'Give the name and the address, like: create shared mailbox "Support" support@contoso.com with bob@, anna@');
  }
  const name = value(tokens.slice(0, at)) as string;
  const address = tokens[at]!.bare;
  const tail = tokens.slice(at + 1);
  if (tail.length > 0 && !isWord(tail[0], 'with', 'for')) {
    throw new AppError('invalid', `I didn't understand "${tail[0]!.text.slice(0, 40)}". Name the members after "with".`);
  }
  const members = tail.slice(1).map((t) => t.text).join(' ').split(/,|;|\band\b/i).map((m) => m.trim()).filter(Boolean);
  if (tail.length > 0 && members.length === 0) throw new AppError('invalid', 'Name the members after "with", separated by commas.');
  return { kind: 'request-create-mailbox', name, address, members };
};

/** Mailbox settings, read and changed; they come after the other forms so "show my mailboxes" keeps its meaning. */
export const SETTING_FORMS: readonly SettingForm[] = [
  form(
    ['mailbox {mailbox}', 'mailbox settings of|for {mailbox}', 'settings of|for {mailbox}', 'show|list settings of|for {mailbox}'],
    onMailbox((mailbox) => ({ kind: 'mailbox-settings', mailbox })),
  ),
  form(['automap|automapping|auto-map {mailbox} off for {person}', 'turn automapping|automap off for {person} on {mailbox}'], automap(false)),
  form(['automap|automapping|auto-map {mailbox} on for {person}', 'turn automapping|automap on for {person} on {mailbox}'], automap(true)),
  form(
    [
      'stop|disable|cancel|end forwarding {mailbox}',
      'stop|disable|cancel|end forwarding of|for|on {mailbox}',
      'turn off forwarding of|for|on {mailbox}',
      'forwarding {mailbox} off',
      'forward {mailbox} off',
    ],
    onMailbox((mailbox) => ({ kind: 'request-forwarding', mailbox, keepCopy: false })),
  ),
  form(['forward {mailbox} to {rest}', 'forward mail|email for|from {mailbox} to {rest}'], forward),
  form(['sent items copies|copy {mailbox} on', 'sent items {mailbox} on', 'save sent items in|for {mailbox}'], onMailbox((mailbox) => ({ kind: 'request-sent-items', mailbox, enabled: true }))),
  form(['sent items copies|copy {mailbox} off', 'sent items {mailbox} off'], onMailbox((mailbox) => ({ kind: 'request-sent-items', mailbox, enabled: false }))),
  form(
    ['auto reply|replies {rest}', 'auto-reply|autoreply|auto-replies|autoreplies {rest}', 'automatic reply|replies {rest}', 'out of office {rest}', 'ooo {rest}', 'turn off {rest}', 'stop|disable {rest}'],
    (slots, context) => (/^(?:turn off|stop|disable) (?!(?:the )?(?:auto|automatic|out of office))/i.test(context.text) ? undefined : autoReply(slots, context)),
  ),
  form(
    ['hide {mailbox} from address|the lists|list|book|gal', 'hide {mailbox} from the address lists|list|book', 'hide {mailbox}'],
    onMailbox((mailbox) => ({ kind: 'request-address-lists', mailbox, hidden: true })),
  ),
  form(
    ['unhide {mailbox}', 'show {mailbox} in address|the lists|list|book|gal', 'show {mailbox} in the address lists|list|book', 'show {mailbox}'],
    onMailbox((mailbox) => ({ kind: 'request-address-lists', mailbox, hidden: false })),
  ),
  form(
    ['block|disable sign-in|signin|sign-ins|login for|of|on {mailbox}', 'block|disable sign-in|signin|sign-ins|login {mailbox}', 'block|disable sign in for|of|on {mailbox}', 'block|disable sign in {mailbox}'],
    onMailbox((mailbox) => ({ kind: 'request-block-sign-in', mailbox })),
  ),
  form(['create|new|make shared mailbox {rest}', 'create|make a shared mailbox {rest}', 'create|new mailbox {rest}'], create),
  form(
    ['convert {mailbox} to shared', 'convert {mailbox} to a|the shared mailbox', 'convert {mailbox} to shared mailbox', 'convert {mailbox} into a shared mailbox', 'make {mailbox} shared', 'make {mailbox} a shared mailbox'],
    onMailbox((mailbox) => ({ kind: 'request-convert', mailbox })),
  ),
];
