import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Command } from '../../src/commands/command';
import { parseAction } from '../../src/commands/parse-action';
import { ALL_VERBS, Verb } from '../../src/commands/verbs';
import { AppError } from '../../src/domain/errors';

const GUID = '8d2f3f6e-4a7b-4c1d-9e2f-0a1b2c3d4e5f';
const FIXTURES = '/work/shared/fixtures/teams-activities';

const VALID: ReadonlyArray<readonly [string, string, unknown, unknown, Command]> = [
  ['approve', Verb.approve, { requestId: 'r-123_ABC' }, undefined, { kind: 'decide', requestId: 'r-123_ABC', verdict: 'approve' }],
  ['reject without a reason', Verb.reject, { requestId: 'r1' }, undefined, { kind: 'decide', requestId: 'r1', verdict: 'reject' }],
  ['reject with a reason input', Verb.reject, { requestId: 'r1' }, { reason: ' not needed ' }, { kind: 'decide', requestId: 'r1', verdict: 'reject', reason: 'not needed' }],
  ['reject with the reason merged into data', Verb.reject, { requestId: 'r1', reason: 'no' }, undefined, { kind: 'decide', requestId: 'r1', verdict: 'reject', reason: 'no' }],
  ['reject with a blank reason', Verb.reject, { requestId: 'r1', reason: '   ' }, undefined, { kind: 'decide', requestId: 'r1', verdict: 'reject' }],
  ['reject with a reason of 500 characters', Verb.reject, { requestId: 'r1' }, { reason: 'q'.repeat(500) }, { kind: 'decide', requestId: 'r1', verdict: 'reject', reason: 'q'.repeat(500) }],
  ['cancel', Verb.cancel, { requestId: 'abc' }, undefined, { kind: 'cancel', requestId: 'abc' }],
  ['refresh', Verb.refresh, { requestId: 'abc' }, undefined, { kind: 'refresh', requestId: 'abc' }],
  ['refresh with an id of 100 characters', Verb.refresh, { requestId: 'a'.repeat(100) }, undefined, { kind: 'refresh', requestId: 'a'.repeat(100) }],
  ['show access', Verb.showAccess, { mailbox: 'info@contoso.com' }, undefined, { kind: 'who-can-access', mailbox: 'info@contoso.com' }],
  ['pick a person', Verb.pickPerson, { pending: 'p-9', personId: GUID.toUpperCase() }, undefined, { kind: 'pick-person', pending: 'p-9', personId: GUID }],
  ['approve with extra fields it ignores', Verb.approve, { requestId: 'r1', state: 'approved', isAdmin: true }, undefined, { kind: 'decide', requestId: 'r1', verdict: 'approve' }],
];

const INVALID: ReadonlyArray<readonly [string, string, unknown, unknown]> = [
  ['an unknown verb', 'request.delete', { requestId: 'r1' }, undefined],
  ['an empty verb', '', { requestId: 'r1' }, undefined],
  ['data that is null', Verb.approve, null, undefined],
  ['data that is an array', Verb.approve, ['r1'], undefined],
  ['data that is a string', Verb.approve, 'r1', undefined],
  ['a missing requestId', Verb.cancel, {}, undefined],
  ['a numeric requestId', Verb.approve, { requestId: 42 }, undefined],
  ['an empty requestId', Verb.approve, { requestId: '' }, undefined],
  ['a requestId of 101 characters', Verb.approve, { requestId: 'a'.repeat(101) }, undefined],
  ['a requestId with a space', Verb.approve, { requestId: 'r 1' }, undefined],
  ['a requestId with a path', Verb.refresh, { requestId: '../r1' }, undefined],
  ['a reason of 501 characters', Verb.reject, { requestId: 'r1' }, { reason: 'q'.repeat(501) }],
  ['a reason that is not text', Verb.reject, { requestId: 'r1' }, { reason: 7 }],
  ['an empty mailbox', Verb.showAccess, { mailbox: ' ' }, undefined],
  ['a mailbox of 321 characters', Verb.showAccess, { mailbox: 'm'.repeat(321) }, undefined],
  ['a mailbox that is not text', Verb.showAccess, { mailbox: { address: 'info@' } }, undefined],
  ['a personId that is not a GUID', Verb.pickPerson, { pending: 'p1', personId: 'bob@contoso.com' }, undefined],
  ['a missing pending id', Verb.pickPerson, { personId: GUID }, undefined],
];

function isFriendlyInvalid(error: unknown): boolean {
  return error instanceof AppError && error.code === 'invalid' && error.message.length > 0 && !error.message.includes('undefined');
}

describe('parseAction', () => {
  for (const [name, verb, data, inputs, expected] of VALID) {
    it(`reads ${name}`, () => {
      assert.deepStrictEqual(parseAction(verb, data, inputs), expected);
    });
  }

  for (const [name, verb, data, inputs] of INVALID) {
    it(`throws a friendly invalid error for ${name}`, () => {
      assert.throws(() => parseAction(verb, data, inputs), isFriendlyInvalid);
    });
  }

  it('prefers the reason input over a reason in the data', () => {
    assert.deepStrictEqual(parseAction(Verb.reject, { requestId: 'r1', reason: 'data' }, { reason: 'input' }), {
      kind: 'decide',
      requestId: 'r1',
      verdict: 'reject',
      reason: 'input',
    });
  });

  it('refuses the verb of a real Teams Action.Execute invoke that is not ours', () => {
    const activity = JSON.parse(readFileSync(`${FIXTURES}/04a-invoke-adaptiveCard-action-manual.COMPOSITE.json`, 'utf8')) as {
      value: { action: { verb: string; data: unknown } };
    };
    assert.throws(() => parseAction(activity.value.action.verb, activity.value.action.data), isFriendlyInvalid);
  });

  it('reads our verb in the shape of a real Teams Action.Execute invoke, with the input merged into data', () => {
    const activity = JSON.parse(readFileSync(`${FIXTURES}/04a-invoke-adaptiveCard-action-manual.COMPOSITE.json`, 'utf8')) as {
      value: { action: Record<string, unknown> };
    };
    const action = { ...activity.value.action, verb: Verb.reject, data: { requestId: 'req-7', reason: 'duplicate' } };
    assert.deepStrictEqual(parseAction(action.verb, action.data), { kind: 'decide', requestId: 'req-7', verdict: 'reject', reason: 'duplicate' });
  });

  it('never throws anything but a friendly AppError for arbitrary card data', () => {
    const verb = fc.oneof(fc.constantFrom(...ALL_VERBS), fc.string());
    const data = fc.oneof(fc.anything(), fc.record({ requestId: fc.anything(), mailbox: fc.anything(), pending: fc.anything(), personId: fc.anything(), reason: fc.anything() }));
    fc.assert(
      fc.property(verb, data, fc.anything(), (v, d, i) => {
        try {
          parseAction(v, d, i);
        } catch (error) {
          if (!isFriendlyInvalid(error)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
