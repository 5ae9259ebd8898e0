import { strict as assert } from 'node:assert';
import type { RawGrant } from '../../../src/domain/mailbox';
import { buildPlan, directRights, nothingToDo, type PlanInput } from '../../../src/domain/request-plan';
import { bob, info, infoRef, sales } from './fixtures';

function input(fields: Partial<PlanInput> = {}): PlanInput {
  return {
    kind: 'grant',
    mailbox: info,
    grants: [],
    trustee: bob,
    trusteeEnabled: true,
    rights: ['full-access', 'send-as'],
    automapping: true,
    ...fields,
  };
}

describe('directRights', () => {
  it('finds rights granted to the principal by UPN, id or name, skipping Deny entries', () => {
    const grants: RawGrant[] = [
      { right: 'send-as', trustee: 'BOB@contoso.com', deny: false },
      { right: 'send-on-behalf', trustee: 'user-bob', deny: false },
      { right: 'full-access', trustee: 'bob@contoso.com', deny: true },
      { right: 'full-access', trustee: 'Sales', deny: false },
    ];

    assert.deepEqual(directRights(grants, bob), ['send-as', 'send-on-behalf']);
    assert.deepEqual(directRights(grants, sales), ['full-access']);
  });
});

describe('buildPlan', () => {
  it('adds only the rights not already held and lists the rest as unchanged', () => {
    const plan = buildPlan(input({ grants: [{ right: 'send-as', trustee: 'bob@contoso.com', deny: false }] }));

    assert.deepEqual(plan.rights, ['full-access']);
    assert.deepEqual(plan.unchanged, ['send-as']);
  });

  it('describes the grant and automapping for a user', () => {
    const plan = buildPlan(input());

    assert.deepEqual(plan.effects, [
      'Bob Smith gets Full Access and Send As on Info.',
      "Info appears in Bob's Outlook within 60 minutes.",
    ]);
    assert.deepEqual(plan.warnings, []);
  });

  it('never promises automapping to a group and warns about it', () => {
    const plan = buildPlan(input({ trustee: sales, trusteeEnabled: undefined }));

    assert.deepEqual(plan.effects, ['Members of Sales get Full Access and Send As on Info.']);
    assert.ok(plan.warnings.includes('Groups never automap: members add Info in Outlook by hand.'));
  });

  it('says when a time-bound grant ends', () => {
    const plan = buildPlan(input({ end: { until: '2026-12-24T10:00:00.000Z', days: 14 } }));

    assert.ok(plan.effects.includes('Until 2026-12-24 (14 days).'));
  });

  it('warns about a hidden, non-shared mailbox, a disabled trustee and sent items', () => {
    const mailbox = { ...info, kind: 'user' as const, hiddenFromAddressLists: true, messageCopyForSentAsEnabled: false };
    const plan = buildPlan(input({ mailbox, trusteeEnabled: false }));

    assert.equal(plan.warnings.length, 4);
    assert.match(plan.warnings.join('\n'), /not a shared one/);
    assert.match(plan.warnings.join('\n'), /hidden from address lists/);
    assert.match(plan.warnings.join('\n'), /account is disabled/);
    assert.match(plan.warnings.join('\n'), /Sent Items/);
  });

  it('removes only the rights actually held when revoking', () => {
    const plan = buildPlan(input({
      kind: 'revoke',
      rights: ['full-access', 'send-as', 'send-on-behalf'],
      grants: [{ right: 'full-access', trustee: 'bob@contoso.com', deny: false }],
    }));

    assert.deepEqual(plan.rights, ['full-access']);
    assert.deepEqual(plan.effects, ['Bob Smith loses Full Access on Info.', "Info leaves Bob's Outlook within 60 minutes."]);
  });

  it('plans nothing when every right is already held', () => {
    const grants: RawGrant[] = [
      { right: 'full-access', trustee: 'bob@contoso.com', deny: false },
      { right: 'send-as', trustee: 'bob@contoso.com', deny: false },
    ];

    assert.deepEqual(buildPlan(input({ grants })).rights, []);
    assert.equal(nothingToDo(input(), infoRef), 'Bob already has Full Access and Send As on Info — nothing to do.');
  });
});
