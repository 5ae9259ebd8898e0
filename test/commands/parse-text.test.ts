import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../../src/commands/command';
import { EXAMPLES } from '../../src/commands/examples';
import { parseText } from '../../src/commands/parse-text';
import { AppError } from '../../src/domain/errors';
import { ALL_RIGHTS, DEFAULT_RIGHTS, type Right } from '../../src/domain/mailbox';

const TODAY = new Date('2026-11-25T12:00:00Z');
const FIXTURES = '/work/shared/fixtures/teams-activities';

type Grant = Extract<Command, { kind: 'request-grant' }>;
type Revoke = Extract<Command, { kind: 'request-revoke' }>;

function grant(person: string, mailbox: string, extra: Partial<Grant> = {}): Grant {
  return { kind: 'request-grant', person, mailbox, rights: DEFAULT_RIGHTS, automapping: true, ...extra };
}

function revoke(person: string, mailbox: string, extra: Partial<Revoke> = {}): Revoke {
  return { kind: 'request-revoke', person, mailbox, rights: ALL_RIGHTS, ...extra };
}

const access = (mailbox: string): Command => ({ kind: 'who-can-access', mailbox });
const rights = (...list: Right[]): { rights: Right[] } => ({ rights: list });

const CASES: ReadonlyArray<readonly [string, Command]> = [
  ['who can access info@contoso.com', access('info@contoso.com')],
  ['Who Has Access To info@', access('info@')],
  ['who has access on info@', access('info@')],
  ['access info', access('info')],
  ['access to info@', access('info@')],
  ['show access to info@', access('info@')],
  ['who can open "Customer Support"', access('Customer Support')],
  ['who can see Customer Support', access('Customer Support')],
  ['who can access info@?', access('info@')],
  ['WHO CAN ACCESS Info@Contoso.com', access('Info@Contoso.com')],

  ['my mailboxes', { kind: 'my-mailboxes' }],
  ['My shared mailboxes', { kind: 'my-mailboxes' }],
  ['list my mailboxes', { kind: 'my-mailboxes' }],
  ['which mailboxes can I access', { kind: 'my-mailboxes' }],

  ['pending', { kind: 'pending' }],
  ['show pending requests', { kind: 'pending' }],
  ['my approvals', { kind: 'pending' }],

  ['history info@', { kind: 'history', mailbox: 'info@' }],
  ['history of Customer Support', { kind: 'history', mailbox: 'Customer Support' }],
  ['audit log for info@', { kind: 'history', mailbox: 'info@' }],

  ['owners info@', { kind: 'owners', mailbox: 'info@' }],
  ['owners of "Customer Support"', { kind: 'owners', mailbox: 'Customer Support' }],
  ['list owners of info@', { kind: 'owners', mailbox: 'info@' }],
  ['who owns info@', { kind: 'owners', mailbox: 'info@' }],

  ['add owner megan@ to info@', { kind: 'add-owner', person: 'megan@', mailbox: 'info@' }],
  ['add owner Megan Bowen to Customer Support', { kind: 'add-owner', person: 'Megan Bowen', mailbox: 'Customer Support' }],
  ['add megan@ as owner of info@', { kind: 'add-owner', person: 'megan@', mailbox: 'info@' }],
  ['make megan@ an owner of info@', { kind: 'add-owner', person: 'megan@', mailbox: 'info@' }],
  ['remove owner megan@ from info@', { kind: 'remove-owner', person: 'megan@', mailbox: 'info@' }],
  ['remove megan@ as owner of info@', { kind: 'remove-owner', person: 'megan@', mailbox: 'info@' }],

  ['set approvals channel', { kind: 'set-approvals-channel' }],
  ['Set approval channel here', { kind: 'set-approvals-channel' }],
  ['use this channel for approvals', { kind: 'set-approvals-channel' }],

  ['help', { kind: 'help' }],
  ['HELP', { kind: 'help' }],
  ['help add', { kind: 'help' }],
  ['what can you do?', { kind: 'help' }],

  ['add alex@ to info@', grant('alex@', 'info@')],
  ['add Alex Wilber to info@', grant('Alex Wilber', 'info@')],
  ['add alex@contoso.com to Customer Support', grant('alex@contoso.com', 'Customer Support')],
  ['add alex@ to Help for Customers', grant('alex@', 'Help for Customers')],
  ['add alex@ to info@ as send as', grant('alex@', 'info@', rights('send-as'))],
  ['add alex@ to info@ as full access and send as and send on behalf', grant('alex@', 'info@', rights(...ALL_RIGHTS))],
  ['add alex@ to info@ as fullaccess, sendas + sob', grant('alex@', 'info@', rights(...ALL_RIGHTS))],
  ['add alex@ to info@ as send-as & send on behalf of', grant('alex@', 'info@', rights('send-as', 'send-on-behalf'))],
  ['add alex@ to info@ as full', grant('alex@', 'info@', rights('full-access'))],
  ['add alex@ to info@ as send on behalf and full access', grant('alex@', 'info@', rights('full-access', 'send-on-behalf'))],
  ['add alex@ to info@ for 3 days', grant('alex@', 'info@', { duration: { days: 3 } })],
  ['add alex@ to info@ for 1 day', grant('alex@', 'info@', { duration: { days: 1 } })],
  ['add alex@ to info@ for 2 weeks', grant('alex@', 'info@', { duration: { days: 14 } })],
  ['add alex@ to info@ for a week', grant('alex@', 'info@', { duration: { days: 7 } })],
  ['add alex@ to info@ for 3650 days', grant('alex@', 'info@', { duration: { days: 3650 } })],
  ['add alex@ to info@ until 2026-12-31', grant('alex@', 'info@', { duration: { until: '2026-12-31' } })],
  ['add alex@ to info@ until 2026-11-25', grant('alex@', 'info@', { duration: { until: '2026-11-25' } })],
  ['add alex@ to info@ without automapping', grant('alex@', 'info@', { automapping: false })],
  ['add alex@ to info@ no automapping', grant('alex@', 'info@', { automapping: false })],
  ['add alex@ to info@ without auto mapping', grant('alex@', 'info@', { automapping: false })],
  ['add alex@ to info@ with send as', grant('alex@', 'info@', rights('send-as'))],
  ['add alex@ to info@ with full access without automapping', grant('alex@', 'info@', { ...rights('full-access'), automapping: false })],
  ['add alex@ to Sales with Partners', grant('alex@', 'Sales with Partners')],
  ['add alex@ to info@ because holiday cover', grant('alex@', 'info@', { reason: 'holiday cover' })],
  ['add alex@ to info@ because "urgent" cover', grant('alex@', 'info@', { reason: '"urgent" cover' })],
  [
    'add Alex Wilber to info@ as full access and send as for 2 weeks without automapping because holiday cover',
    grant('Alex Wilber', 'info@', { ...rights('full-access', 'send-as'), duration: { days: 14 }, automapping: false, reason: 'holiday cover' }),
  ],
  [
    'add alex@ to info@ until 2027-01-01 without automapping as send on behalf because Jo is away',
    grant('alex@', 'info@', { ...rights('send-on-behalf'), duration: { until: '2027-01-01' }, automapping: false, reason: 'Jo is away' }),
  ],
  [
    'add alex@ to info@ because holiday cover for 2 weeks without automapping',
    grant('alex@', 'info@', { duration: { days: 14 }, automapping: false, reason: 'holiday cover' }),
  ],
  ['add alex@ to info@ for 5 days as send as', grant('alex@', 'info@', { ...rights('send-as'), duration: { days: 5 } })],
  ['grant alex@ access to info@', grant('alex@', 'info@')],
  ['give alex@ access to info@', grant('alex@', 'info@')],
  ['give Alex Wilber send as to info@', grant('Alex Wilber', 'info@', rights('send-as'))],
  ['give alex@ full access to info@ for 7 days', grant('alex@', 'info@', { ...rights('full-access'), duration: { days: 7 } })],
  ['grant alex@ send on behalf to info@', grant('alex@', 'info@', rights('send-on-behalf'))],
  ['grant alex@ send on behalf access on info@', grant('alex@', 'info@', rights('send-on-behalf'))],
  ['grant alex@ full access on info@', grant('alex@', 'info@', rights('full-access'))],
  ['make megan@ owner of info@', { kind: 'add-owner', person: 'megan@', mailbox: 'info@' }],

  ['remove alex@ from info@', revoke('alex@', 'info@')],
  ['remove Alex Wilber from Customer Support', revoke('Alex Wilber', 'Customer Support')],
  ['remove alex@ from info@ send as', revoke('alex@', 'info@', rights('send-as'))],
  ['remove alex@ from info@ full access and send on behalf', revoke('alex@', 'info@', rights('full-access', 'send-on-behalf'))],
  ['remove alex@ from info@ as sob', revoke('alex@', 'info@', rights('send-on-behalf'))],
  ['remove alex@ from "Customer Support" send-as', revoke('alex@', 'Customer Support', rights('send-as'))],
  ['revoke alex@ from info@', revoke('alex@', 'info@')],
  ["revoke alex@'s access to info@", revoke('alex@', 'info@')],
  ['remove alex@ from info@ because left the team', revoke('alex@', 'info@', { reason: 'left the team' })],
  ['delete alex@ from info@ send as because no longer needed', revoke('alex@', 'info@', { ...rights('send-as'), reason: 'no longer needed' })],
];

const TEAMS_LEFTOVERS: ReadonlyArray<readonly [string, Command]> = [
  ['who can access&nbsp;info@\n', access('info@')],
  ['who&#160;can access info@', access('info@')],
  ['  who   can  access   info@  \n', access('info@')],
  ['who can\u00a0access info@\u00a0', access('info@')],
  ['who can\u200b access info@', access('info@')],
  ['who can access <a href="mailto:info@contoso.com">info@contoso.com</a>', access('info@contoso.com')],
  ['who can access [info@contoso.com](mailto:info@contoso.com)', access('info@contoso.com')],
  ['who can access mailto:info@contoso.com', access('info@contoso.com')],
  ['who can access **info@**', access('info@')],
  ['who can access _first_last@contoso.com_', access('first_last@contoso.com')],
  ['who can open \u201cCustomer Support\u201d', access('Customer Support')],
  ['who can open \u2018Customer Support\u2019', access('Customer Support')],
  ['who can access &lt;info@contoso.com&gt;', access('info@contoso.com')],
  ['<at>Megan Bowen</at> who can access info@', access('info@')],
  ['add <at>Alex Wilber</at> to info@', grant('Alex Wilber', 'info@')],
  ['who can access info@ <at>Megan Bowen</at>', access('info@')],
  ['add owner <at>Megan Bowen</at> to info@', { kind: 'add-owner', person: 'Megan Bowen', mailbox: 'info@' }],
  ['<at>Megan Bowen</at> remove <at>Alex Wilber</at> from info@', revoke('Alex Wilber', 'info@')],
  ['add alex@ to info@ for 30 days, because holiday cover', grant('alex@', 'info@', { duration: { days: 30 }, reason: 'holiday cover' })],
  ['add alex@ to info@ until 2027-01-01, as send as', grant('alex@', 'info@', { duration: { until: '2027-01-01' }, ...rights('send-as') })],
  ['remove Smith, Alex from info@', revoke('Smith, Alex', 'info@')],
  ['add **alex@** to __info@__', grant('alex@', 'info@')],
  ['add alex@ to info@ as send as\u00a0and\u00a0full access', grant('alex@', 'info@', rights('full-access', 'send-as'))],
  ['add alex@ to info@ until 2026\u201112\u201131', grant('alex@', 'info@', { duration: { until: '2026-12-31' } })],
  ['add alex@ to info@ because it&#39;s urgent', grant('alex@', 'info@', { reason: "it's urgent" })],
  ['add alex@ to info@ because Tom &amp; Jerry', grant('alex@', 'info@', { reason: 'Tom & Jerry' })],
  ['add alex@ to info@ because it\u2019s urgent', grant('alex@', 'info@', { reason: "it's urgent" })],
  ['/help', { kind: 'help' }],
  ['please add alex@ to info@', grant('alex@', 'info@')],
  ['<p>who can access <b>info@</b></p>', access('info@')],
];

const INVALID: ReadonlyArray<readonly [string, RegExp]> = [
  ['add alex@ to info@ as admin', /"admin".*full access.*send as.*send on behalf/],
  ['add alex@ to info@ as', /Which rights/],
  ['add alex@ to info@ as full access and owner', /"owner"/],
  ['add alex@ to info@ for 0 days', /1 to 3650/],
  ['add alex@ to info@ for -1 days', /1 to 3650/],
  ['add alex@ to info@ for 3651 days', /1 to 3650/],
  ['add alex@ to info@ for 1.5 days', /whole number/],
  ['add alex@ to info@ for 600 weeks', /at most 3650 days/],
  ['add alex@ to info@ for 3 months', /days or weeks/],
  ['add alex@ to info@ until 2020-01-01', /in the past/],
  ['add alex@ to info@ until 2026-11-24', /in the past/],
  ['add alex@ to info@ until 2027-02-30', /not a date/],
  ['add alex@ to info@ until tomorrow', /YYYY-MM-DD/],
  ['add alex@ to info@ until', /YYYY-MM-DD/],
  ['add alex@ to info@ for 3 days until 2027-01-01', /one length/],
  ['add alex@ to info@ because', /Say why/],
  [`add alex@ to info@ because ${'x'.repeat(501)}`, /keep it to 500/],
  ['add alex@ to info@ for 3 days blah', /didn't understand "blah"/],
  ['remove alex@ from info@ as admin', /"admin"/],
  [`remove alex@ from info@ because ${'y'.repeat(600)}`, /keep it to 500/],
];

describe('parseText', () => {
  for (const [input, expected] of CASES) {
    it(`reads ${JSON.stringify(input)} as ${expected.kind}`, () => {
      assert.deepStrictEqual(parseText(input, TODAY), expected);
    });
  }

  describe('Teams leftovers', () => {
    for (const [input, expected] of TEAMS_LEFTOVERS) {
      it(`reads ${JSON.stringify(input)} as ${expected.kind}`, () => {
        assert.deepStrictEqual(parseText(input, TODAY), expected);
      });
    }
  });

  describe('requests it cannot accept', () => {
    for (const [input, message] of INVALID) {
      it(`throws a friendly invalid error when given ${JSON.stringify(input.slice(0, 60))}`, () => {
        assert.throws(
          () => parseText(input, TODAY),
          (error: unknown) => error instanceof AppError && error.code === 'invalid' && message.test(error.message),
        );
      });
    }
  });

  it('accepts a reason of exactly 500 characters', () => {
    const reason = 'z'.repeat(500);
    assert.deepStrictEqual(parseText(`add alex@ to info@ because ${reason}`, TODAY), grant('alex@', 'info@', { reason }));
  });

  it('does not read "add owner X to Y" as a grant to a person called "owner X"', () => {
    assert.equal(parseText('add owner alex@ to info@', TODAY).kind, 'add-owner');
  });

  it('returns plain help when the text is empty or only Teams spacing', () => {
    for (const input of ['', '   ', '&nbsp;\n', '\u00a0', '?']) {
      assert.deepStrictEqual(parseText(input, TODAY), { kind: 'help' });
    }
  });

  it('returns help with the normalised text when it does not understand', () => {
    assert.deepStrictEqual(parseText('  make&nbsp;me   a sandwich\n', TODAY), { kind: 'help', notUnderstood: 'make me a sandwich' });
    assert.deepStrictEqual(parseText('add alex@', TODAY), { kind: 'help', notUnderstood: 'add alex@' });
  });

  it('truncates the text it did not understand to 100 characters', () => {
    const command = parseText(`gibberish ${'w'.repeat(300)}`, TODAY);
    assert.equal(command.kind, 'help');
    assert.equal(command.kind === 'help' ? command.notUnderstood?.length : 0, 100);
  });

  it('uses the current date when no date is given', () => {
    assert.throws(() => parseText('add alex@ to info@ until 2001-01-01'), AppError);
    assert.equal(parseText('add alex@ to info@ until 2999-01-01').kind, 'request-grant');
  });

  describe('real Teams message payloads', () => {
    const messages = readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ name, activity: JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { type?: string; text?: unknown } }))
      .filter(({ activity }) => activity.type === 'message' && typeof activity.text === 'string');
    const withoutBotMention = (text: string): string => text.replace(/<at>[^<]*<\/at>/, '');

    it('finds message fixtures with text', () => {
      assert.ok(messages.length >= 5);
    });

    for (const { name, activity } of messages) {
      it(`reads the text of ${name} without throwing`, () => {
        const command = parseText(withoutBotMention(activity.text as string), TODAY);
        assert.equal(command.kind, 'help');
        if (command.kind === 'help' && command.notUnderstood !== undefined) {
          assert.ok(!/[\n<>]|&nbsp;|\s$/.test(command.notUnderstood), command.notUnderstood);
        }
      });
    }

    it('reads a command written in the shape of 02a (no space after the mention, trailing newline)', () => {
      const text = String(readFixture('02a-channel-mention-message.real-2019.json').text).replace('1\n', 'who can access info@\n');
      assert.deepStrictEqual(parseText(withoutBotMention(text), TODAY), access('info@'));
    });

    it('reads a command written in the shape of 02c (trailing space and newline)', () => {
      const text = String(readFixture('02c-channel-mention-trailing-space.real-2019.json').text).replace('file', 'pending');
      assert.deepStrictEqual(parseText(withoutBotMention(text), TODAY), { kind: 'pending' });
    });

    it('reads a command written in the shape of 02b (link and trailing space)', () => {
      const text = String(readFixture('02b-channel-mention-link-nbsp.real-2019.json').text).replace(
        'https://foo.com',
        'who can access <a href="mailto:info@contoso.com">info@contoso.com</a>',
      );
      assert.deepStrictEqual(parseText(withoutBotMention(text), TODAY), access('info@contoso.com'));
    });

    it('reads help from the 2021 personal message', () => {
      assert.deepStrictEqual(parseText(String(readFixture('01b-personal-message.real-2021.json').text), TODAY), { kind: 'help' });
    });
  });

  describe('EXAMPLES', () => {
    for (const example of EXAMPLES) {
      it(`reads the example ${JSON.stringify(example)} as a command`, () => {
        const command = parseText(example);
        assert.ok(example === 'help' ? command.kind === 'help' && command.notUnderstood === undefined : command.kind !== 'help');
      });
    }
  });
});

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}
