import { AppError } from '../domain/errors';
import { MAX_REASON } from './clauses';
import type { Command } from './command';
import { settingAction } from './setting-actions';
import { Verb } from './verbs';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MAILBOX = 320;
const STALE = 'This card is out of date or damaged. Send "help" to start again.';

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

function id(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || !ID.test(value)) throw new AppError('invalid', STALE);
  return value;
}

/** Teams merges Action.Execute inputs into the action data, so the reason may be in either place. */
function reason(data: Fields, inputs: Fields): string | undefined {
  const value = inputs.reason ?? data.reason;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AppError('invalid', 'The reason must be text.');
  const text = value.trim();
  if (text.length > MAX_REASON) {
    throw new AppError('invalid', `The reason is ${text.length} characters long; keep it to ${MAX_REASON}.`);
  }
  return text === '' ? undefined : text;
}

function mailbox(fields: Fields): string {
  const value = fields.mailbox;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > MAX_MAILBOX) throw new AppError('invalid', STALE);
  return text;
}

function personId(fields: Fields): string {
  const value = fields.personId;
  if (typeof value !== 'string' || !GUID.test(value)) throw new AppError('invalid', STALE);
  return value.toLowerCase();
}

/** A fix offered on a diagnosis card: the usual request, for an already resolved person. */
function startRequest(fields: Fields): Command {
  if (fields.kind !== 'grant') throw new AppError('invalid', STALE);
  return {
    kind: 'request-grant',
    person: `id:${personId(fields)}`,
    mailbox: mailbox(fields),
    rights: ['full-access'],
    automapping: true,
  };
}

/** A review card names each choice input `review-<trustee object id>`; Teams merges the inputs into the data. */
export const REVIEW_INPUT_PREFIX = 'review-';
/** The compact review card's one multi-select input: the ids ticked for removal, comma-separated. */
export const REVIEW_REMOVE_INPUT = 'review-remove';
const MAX_REVIEW_CHOICES = 500;

/**
 * Keep/Remove per trustee id, from the per-trustee inputs or the compact card's removal list; other fields
 * are ignored, and a value other than keep/remove (or a listed id that is no object id) marks the card as
 * damaged. A trustee the card did not send is left out, which means kept.
 */
function reviewChoices(data: Fields, inputs: Fields): Record<string, 'keep' | 'remove'> {
  const choices: Record<string, 'keep' | 'remove'> = {};
  const merged = { ...data, ...inputs };
  const fields = Object.entries(merged).filter(([name]) => name.startsWith(REVIEW_INPUT_PREFIX) && name !== REVIEW_REMOVE_INPUT);
  const removals = removalList(merged[REVIEW_REMOVE_INPUT]);
  if (fields.length + removals.length > MAX_REVIEW_CHOICES) throw new AppError('invalid', STALE);
  for (const [name, value] of fields) {
    const trusteeId = name.slice(REVIEW_INPUT_PREFIX.length);
    if (!GUID.test(trusteeId) || (value !== 'keep' && value !== 'remove')) throw new AppError('invalid', STALE);
    choices[trusteeId.toLowerCase()] = value;
  }
  for (const trusteeId of removals) choices[trusteeId.toLowerCase()] = 'remove';
  return choices;
}

/** Teams sends a multi-select's value as one comma-separated string; nothing ticked arrives as "" or not at all. */
function removalList(value: unknown): readonly string[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string' || value.length > MAX_REVIEW_CHOICES * 40) throw new AppError('invalid', STALE);
  const ids = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (ids.some((trusteeId) => !GUID.test(trusteeId))) throw new AppError('invalid', STALE);
  return ids;
}

/**
 * Reads a card button press as a Command. Card data comes from the client and is untrusted: only
 * ids are read here, and everything else is reloaded from storage by whoever handles the command.
 */
export function parseAction(verb: string, data: unknown, inputs?: unknown): Command {
  const fields = fieldsOf(data);
  switch (verb) {
    case Verb.approve:
      return { kind: 'decide', requestId: id(fields, 'requestId'), verdict: 'approve' };
    case Verb.reject: {
      const why = reason(fields, fieldsOf(inputs));
      const requestId = id(fields, 'requestId');
      return { kind: 'decide', requestId, verdict: 'reject', ...(why === undefined ? {} : { reason: why }) };
    }
    case Verb.cancel:
      return { kind: 'cancel', requestId: id(fields, 'requestId') };
    case Verb.refresh:
      return { kind: 'refresh', requestId: id(fields, 'requestId') };
    case Verb.showAccess:
      return { kind: 'who-can-access', mailbox: mailbox(fields) };
    case Verb.pickPerson:
      return { kind: 'pick-person', pending: id(fields, 'pending'), personId: personId(fields) };
    case Verb.startRequest:
      return startRequest(fields);
    case Verb.undo:
      return { kind: 'undo', requestId: id(fields, 'requestId') };
    case Verb.extend:
      return { kind: 'extend-grant', requestId: id(fields, 'requestId') };
    case Verb.showSettings:
      return { kind: 'mailbox-settings', mailbox: mailbox(fields) };
    case Verb.changeSetting:
      return settingAction(fields.change, mailbox(fields));
    case Verb.submitReview:
      return { kind: 'submit-review', reviewId: id(fields, 'reviewId'), choices: reviewChoices(fields, fieldsOf(inputs)) };
    default:
      throw new AppError('invalid', 'This button is not supported any more. Send "help" to see what I can do.');
  }
}
