import { strict as assert } from 'node:assert';
import { parseText } from '../../src/commands/parse-text';
import { AppError } from '../../src/domain/errors';

const TODAY = new Date('2026-11-25T12:00:00Z');
const parse = (text: string) => parseText(text, TODAY);

function refusal(text: string): string {
  try {
    parse(text);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'invalid');
    return error.message;
  }
  assert.fail(`"${text}" was accepted`);
}

describe('settings command forms', () => {
  const cases: [string, unknown][] = [
    ['mailbox info@', { kind: 'mailbox-settings', mailbox: 'info@' }],
    ['settings of Customer Support', { kind: 'mailbox-settings', mailbox: 'Customer Support' }],
    ['automap info@ off for bob', { kind: 'request-automap', mailbox: 'info@', person: 'bob', automapping: false }],
    ['automap info@ on for Bob Smith', { kind: 'request-automap', mailbox: 'info@', person: 'Bob Smith', automapping: true }],
    ['forward info@ to anna@contoso.com', { kind: 'request-forwarding', mailbox: 'info@', to: 'anna@contoso.com', keepCopy: false }],
    ['forward info@ to anna@fabrikam.com and keep a copy', { kind: 'request-forwarding', mailbox: 'info@', to: 'anna@fabrikam.com', keepCopy: true }],
    ['stop forwarding info@', { kind: 'request-forwarding', mailbox: 'info@', keepCopy: false }],
    ['sent items info@ on', { kind: 'request-sent-items', mailbox: 'info@', enabled: true }],
    ['sent items info@ off', { kind: 'request-sent-items', mailbox: 'info@', enabled: false }],
    ['auto reply info@ "We are closed until Monday" until 2026-12-01', { kind: 'request-auto-reply', mailbox: 'info@', message: 'We are closed until Monday', until: '2026-12-01' }],
    ['auto reply info@ "We are closed"', { kind: 'request-auto-reply', mailbox: 'info@', message: 'We are closed' }],
    ['auto reply Customer Support \u201cBack soon\u201d', { kind: 'request-auto-reply', mailbox: 'Customer Support', message: 'Back soon' }],
    ['auto reply info@ off', { kind: 'request-auto-reply', mailbox: 'info@' }],
    ['hide info@', { kind: 'request-address-lists', mailbox: 'info@', hidden: true }],
    ['show info@', { kind: 'request-address-lists', mailbox: 'info@', hidden: false }],
    ['block sign-in info@', { kind: 'request-block-sign-in', mailbox: 'info@' }],
    ['create shared mailbox "Support" support@contoso.com', { kind: 'request-create-mailbox', name: 'Support', address: 'support@contoso.com', members: [] }],
    ['create shared mailbox "Support" support@contoso.com with bob, anna', { kind: 'request-create-mailbox', name: 'Support', address: 'support@contoso.com', members: ['bob', 'anna'] }],
    ['convert anna@ to shared', { kind: 'request-convert', mailbox: 'anna@' }],
  ];
  for (const [text, command] of cases) {
    it(`reads "${text.slice(0, 70)}"`, () => assert.deepEqual(parse(text), command));
  }

  it('keeps the older meanings when the settings forms could also match', () => {
    assert.equal(parse('show my mailboxes').kind, 'my-mailboxes');
    assert.equal(parse('show pending').kind, 'pending');
    assert.equal(parse('disable sign-in for info@').kind, 'request-block-sign-in');
  });

  it('refuses an auto reply end date in the past or not on the calendar', () => {
    assert.match(refusal('auto reply info@ "Closed" until 2026-11-24'), /in the past/);
    assert.match(refusal('auto reply info@ "Closed" until 2026-02-30'), /not a date on the calendar/);
  });

  it('refuses an auto reply longer than 4000 characters, and one without quotes', () => {
    assert.match(refusal(`auto reply info@ "${'x'.repeat(4001)}"`), /4001 characters long; keep it to 4000/);
    assert.match(refusal('auto reply info@ We are closed'), /Put the reply in quotes/);
  });

  it('strips markup from an auto reply', () => {
    assert.deepEqual(parse('auto reply info@ "<b>Closed</b> today"'), { kind: 'request-auto-reply', mailbox: 'info@', message: 'Closed today' });
  });

  it('refuses forwarding to several words and creating a mailbox without an address', () => {
    assert.match(refusal('forward info@ to anna and bob'), /one email address/);
    assert.match(refusal('create shared mailbox "Support"'), /name and the address/);
  });
});
