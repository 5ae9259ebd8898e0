import fc from 'fast-check';
import { ALL_VERBS } from '../../src/commands/verbs';
import { cardAction, channelMention, personalMessage, type Speaker } from '../support/activities';

/** One generated request body; `oversized` bodies are padded past the server's limit when sent. */
export interface FuzzInput {
  readonly kind: string;
  readonly body: string;
  readonly oversized?: boolean;
}

export interface FuzzWorld {
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly people: readonly Speaker[];
}

const TRICKY_TEXT = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<at>Mailbox Bot</at>', '<at></at> <at>', '&lt;at&gt;help',
  '${$root}', '${secret}', '{{name}}', '${if(true, "a", "b")}', '\u202Eevil\u202C', '\u0000', '\uD800', '\uDFFF\uD800',
  'Ｉｎｆｏ＠', 'i\u0307nfo@', '👨‍👩‍👧‍👦', 'مرحبا', '\t\r\n\v\f', "' OR 1=1 --", '"; DROP TABLE requests; --',
  'info@contoso.com\r\nBcc: x@evil.example', '../../etc/passwd', '*', '%00', '\\', '""', '"unterminated', 'a'.repeat(5000),
  'add add add to to to', 'for -1 days', 'for 99999999999999999999 days', 'until 2026-02-30', 'as full access and and',
];
const PEOPLE = ['adele@', 'bob', 'Bob Kelly', 'megan@contoso.com', 'nobody@', 'Alex', '@', 'id:not-a-guid', 'id:00000000-0000-0000-0000-000000000000'];
const MAILBOXES = ['info@', 'info', 'info@contoso.com', 'sales@', '"Customer Support"', 'nosuch@', 'adele@', '@contoso.com', 'info@evil.example'];
const TEMPLATES: readonly ((p: string, m: string, x: string) => string)[] = [
  (_p, m) => `who can access ${m}`,
  (p, m, x) => `add ${p} to ${m} as ${x}`,
  (p, m, x) => `add ${p} to ${m} for ${x} days because ${x}`,
  (p, m, x) => `remove ${p} from ${m} ${x}`,
  (p, m, x) => `automap ${m} ${x} for ${p}`,
  (p, m) => `forward ${m} to ${p} and keep a copy`,
  (_p, m) => `stop forwarding ${m}`,
  (_p, m, x) => `auto reply ${m} "${x}" until ${x}`,
  (_p, m, x) => `sent items ${m} ${x}`,
  (p, m) => `add owner ${p} to ${m}`,
  (p, m) => `remove owner ${p} from ${m}`,
  (_p, m) => `history ${m}`,
  (_p, m) => `mailbox ${m}`,
  (p, m) => `why can't ${p} open ${m}`,
  (_p, m) => `review ${m}`,
  (_p, m, x) => `create shared mailbox "${x}" ${m} with ${x}`,
  (_p, m) => `convert ${m} to shared`,
  (_p, m) => `hide ${m}`,
  (_p, _m, x) => `undo ${x}`,
  () => 'pending', () => 'my mailboxes', () => 'report', () => 'set approvals channel', () => 'help',
];
const SAFE_BAD_SERVICE_URLS = ['', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 'http://', '///'];
const ACTIVITY_FIELDS = ['from', 'conversation', 'recipient', 'channelData', 'entities', 'attachments', 'timestamp', 'localTimestamp', 'text', 'value', 'channelId', 'id', 'replyToId', 'locale', 'name', 'textFormat'];
const OTHER_TYPES = ['conversationUpdate', 'messageReaction', 'event', 'typing', 'installationUpdate', 'endOfConversation', 'messageUpdate', 'messageDelete', 'invokeResponse', 'trace', 'handoff', ''];
const INVOKE_NAMES = ['adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'task/submit', 'signin/verifyState', 'fileConsent/invoke', 'actionableMessage/executeAction', ''];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TEMPLATES), fc.oneof(fc.constantFrom(...PEOPLE), fc.constantFrom(...TRICKY_TEXT)), fc.oneof(fc.constantFrom(...MAILBOXES), fc.constantFrom(...TRICKY_TEXT)), fc.oneof(fc.constantFrom('full access', 'send as', 'on', 'off', '3', 'x'), fc.string())).map(([t, p, m, x]) => t(p, m, x)) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TRICKY_TEXT, ...PEOPLE, ...MAILBOXES, 'add', 'to', 'remove', 'from', 'as', 'who can access'), { maxLength: 12 }).map((w) => w.join(' ')) },
);
const wrongValue = fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom(null, 0, -1, '', [], {}, true, '__proto__', { __proto__: { polluted: true } }));
const cardData = fc.oneof(
  wrongValue,
  fc.record({ requestId: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), wrongValue) }, { requiredKeys: [] }),
  fc.record({ mailbox: fc.oneof(text, wrongValue) }, { requiredKeys: [] }),
  fc.record({ pending: fc.oneof(fc.string(), wrongValue), personId: fc.oneof(fc.uuid(), wrongValue) }, { requiredKeys: [] }),
  fc.record({ requestId: fc.string(), reason: fc.oneof(text, wrongValue) }),
);

export function fuzzInputs(world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  const where = { tenantId: world.tenantId, serviceUrl: world.serviceUrl };
  const speaker = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...world.people) },
    { weight: 1, arbitrary: fc.record({ aadObjectId: fc.oneof(fc.uuid(), fc.string()), name: fc.string() }) },
  );
  const verb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ALL_VERBS) }, { weight: 1, arbitrary: fc.string() });
  const message = fc.tuple(speaker, text, fc.boolean()).map(([from, t, channel]) => (channel ? channelMention(from, t, where) : personalMessage(from, t, where)));
  const click = fc.tuple(speaker, verb, cardData).map(([from, v, data]) => cardAction(from, v, data, where));
  const rawInvoke = fc.tuple(click, fc.constantFrom(...INVOKE_NAMES), wrongValue).map(([activity, name, value]) => ({ ...activity, name, value }));
  const corrupted = fc
    .tuple(fc.oneof(message, click), fc.dictionary(fc.constantFrom(...ACTIVITY_FIELDS), wrongValue, { minKeys: 1, maxKeys: 4 }), fc.option(fc.constantFrom(...SAFE_BAD_SERVICE_URLS)))
    .map(([activity, fields, serviceUrl]) => ({ ...activity, ...fields, ...(serviceUrl !== null ? { serviceUrl } : {}) }));
  const otherType = fc.tuple(message, fc.oneof(fc.constantFrom(...OTHER_TYPES), fc.string())).map(([activity, type]) => ({ ...activity, type }));
  const json = (kind: string) => (activity: unknown): FuzzInput => ({ kind, body: JSON.stringify(activity) ?? 'null' });
  return fc.oneof(
    { weight: 30, arbitrary: message.map(json('message')) },
    { weight: 20, arbitrary: click.map(json('card action')) },
    { weight: 8, arbitrary: rawInvoke.map(json('invoke')) },
    { weight: 15, arbitrary: corrupted.map(json('corrupted activity')) },
    { weight: 8, arbitrary: otherType.map(json('other type')) },
    { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('random JSON')) },
    { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ kind: 'not JSON', body })) },
    { weight: 1, arbitrary: message.map((activity) => ({ ...json('oversized')(activity), oversized: true })) },
  );
}
