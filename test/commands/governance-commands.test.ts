import assert from 'node:assert/strict';
import { parseAction } from '../../src/commands/parse-action';
import { parseText } from '../../src/commands/parse-text';
import { Verb } from '../../src/commands/verbs';
import { AppError } from '../../src/domain/errors';

const GUID = '14272376-4536-4a1c-8330-cde15fdbb41f';

describe('governance commands', () => {
  const reads: [string, unknown][] = [
    ["why can't bob open info@", { kind: 'diagnose', person: 'bob', mailbox: 'info@' }],
    ['why can’t Bob Kelly open info@contoso.com?', { kind: 'diagnose', person: 'Bob Kelly', mailbox: 'info@contoso.com' }],
    ['check bob on info@', { kind: 'diagnose', person: 'bob', mailbox: 'info@' }],
    ['undo 4733b8a617ce', { kind: 'undo', requestId: '4733b8a617ce' }],
    ['undo request 4733b8a617ce', { kind: 'undo', requestId: '4733b8a617ce' }],
    ['verify history', { kind: 'verify-history' }],
    ['verify history of info@', { kind: 'verify-history', mailbox: 'info@' }],
    ['export history', { kind: 'export-history' }],
    ['export audit info@', { kind: 'export-history', mailbox: 'info@' }],
    ['history info@ since 2026-11-01', { kind: 'history', mailbox: 'info@', since: '2026-11-01' }],
    ['history of Customer Support since 2026-11-01', { kind: 'history', mailbox: 'Customer Support', since: '2026-11-01' }],
    ['history info@', { kind: 'history', mailbox: 'info@' }],
    ['review info@', { kind: 'review', mailbox: 'info@' }],
    ['Review access to info@contoso.com', { kind: 'review', mailbox: 'info@contoso.com' }],
    ['access review of Customer Support', { kind: 'review', mailbox: 'Customer Support' }],
    ['start an access review of info@', { kind: 'review', mailbox: 'info@' }],
  ];
  for (const [text, command] of reads) {
    it(`reads "${text}" as ${JSON.stringify(command)}`, () => {
      assert.deepEqual(parseText(text), command);
    });
  }

  it('refuses a request reference with characters no reference has', () => {
    assert.throws(() => parseText('undo ../../x'), (e: unknown) => e instanceof AppError && e.code === 'invalid');
  });

  it('refuses a since day that is not on the calendar', () => {
    assert.throws(() => parseText('history info@ since 2026-13-01'), /not a date on the calendar/);
  });

  it('reads the diagnosis button as a Full Access request for the resolved person', () => {
    assert.deepEqual(parseAction(Verb.startRequest, { kind: 'grant', mailbox: 'mailbox:info@contoso.com', personId: GUID }), {
      kind: 'request-grant',
      person: `id:${GUID}`,
      mailbox: 'mailbox:info@contoso.com',
      rights: ['full-access'],
      automapping: true,
    });
  });

  it('refuses a diagnosis button with an unknown kind or a person that is not an object id', () => {
    assert.throws(() => parseAction(Verb.startRequest, { kind: 'delete', mailbox: 'info@', personId: GUID }), /out of date/);
    assert.throws(() => parseAction(Verb.startRequest, { kind: 'grant', mailbox: 'info@', personId: 'bob' }), /out of date/);
  });

  it('reads the Undo button', () => {
    assert.deepEqual(parseAction(Verb.undo, { requestId: 'r1' }), { kind: 'undo', requestId: 'r1' });
  });

  it('reads a review submission with its Keep/Remove inputs merged into the data, ignoring other fields', () => {
    const data = { reviewId: 'rev1', [`review-${GUID.toUpperCase()}`]: 'remove', 'review-4c644898-6d1f-4e79-8db7-856aedf29b35': 'keep', reviewerIds: ['me'] };
    assert.deepEqual(parseAction(Verb.submitReview, data), {
      kind: 'submit-review',
      reviewId: 'rev1',
      choices: { [GUID]: 'remove', '4c644898-6d1f-4e79-8db7-856aedf29b35': 'keep' },
    });
  });

  it('reads the compact review card\'s review-remove list as a removal of each id, and nothing ticked as no choice', () => {
    const other = '4c644898-6d1f-4e79-8db7-856aedf29b35';
    const data = { reviewId: 'rev1', 'review-remove': ` ${GUID.toUpperCase()},${other} ,` };
    assert.deepEqual(parseAction(Verb.submitReview, data), { kind: 'submit-review', reviewId: 'rev1', choices: { [GUID]: 'remove', [other]: 'remove' } });
    assert.deepEqual(parseAction(Verb.submitReview, { reviewId: 'rev1' }, { 'review-remove': '' }), { kind: 'submit-review', reviewId: 'rev1', choices: {} });
  });

  it('refuses a review-remove list that names something other than object ids, or is not text', () => {
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: 'rev1', 'review-remove': `${GUID},everyone` }), /out of date/);
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: 'rev1', 'review-remove': [GUID] }), /out of date/);
    const tooMany = Array.from({ length: 501 }, () => GUID).join(',');
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: 'rev1', 'review-remove': tooMany }), /out of date/);
  });

  it('refuses a review submission whose choice is neither keep nor remove, or names no object id', () => {
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: 'rev1', [`review-${GUID}`]: 'delete-all' }), /out of date/);
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: 'rev1', 'review-bob': 'remove' }), /out of date/);
    assert.throws(() => parseAction(Verb.submitReview, { reviewId: '../x' }), /out of date/);
  });
});
