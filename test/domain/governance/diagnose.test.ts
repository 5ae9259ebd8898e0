import assert from 'node:assert/strict';
import { diagnose, type DiagnoseInput, type Finding } from '../../../src/domain/diagnose';
import type { Group, Person, Trustee } from '../../../src/domain/directory';
import type { RawGrant } from '../../../src/domain/mailbox';
import { info } from '../requests/fixtures';

const bob: Person = { id: 'u-bob', displayName: 'Bob Kelly', userPrincipalName: 'bob@contoso.com', accountEnabled: true };
const support: Group = { id: 'g-support', displayName: 'Support', securityEnabled: true, mailEnabled: true, mail: 'support@contoso.com' };
const trustees = new Map<string, Trustee>([
  ['bob@contoso.com', { kind: 'user', user: bob }],
  ['support', { kind: 'group', group: support }],
]);
const NOW = new Date('2026-11-25T12:00:00.000Z');

function input(overrides: Partial<DiagnoseInput> = {}): DiagnoseInput {
  return {
    person: bob,
    mailbox: info,
    grants: [{ right: 'full-access', trustee: 'bob@contoso.com', deny: false }],
    trustees,
    members: new Map([['g-support', [{ user: bob, via: ['Support'] }]]]),
    automapping: new Map(),
    recentGrants: [],
    internalDomains: ['contoso.com'],
    now: NOW,
    ...overrides,
  };
}

const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);
const grant = (right: RawGrant['right'], trustee: string, deny = false): RawGrant => ({ right, trustee, deny });

describe('diagnose', () => {
  it('gives the all-clear when a direct Full Access grant has nothing in its way', () => {
    assert.deepEqual(diagnose(input()), [{ code: 'all-clear' }]);
  });

  it('finds no access, and offers to ask for Full Access, when nothing reaches the person', () => {
    const findings = diagnose(input({ grants: [grant('send-as', 'bob@contoso.com')] }));
    assert.deepEqual(findings, [{ code: 'no-access', otherRights: ['send-as'], action: 'request-full-access' }]);
  });

  it('finds access only through a group, which never automaps, and offers a direct grant', () => {
    const findings = diagnose(input({ grants: [grant('full-access', 'support')] }));
    assert.deepEqual(findings, [{ code: 'group-only', groups: ['Support'], action: 'request-full-access' }]);
  });

  it('finds a Deny entry naming the person or a group that brings them in, and no grant offer', () => {
    const direct = diagnose(input({ grants: [grant('full-access', 'bob@contoso.com'), grant('full-access', 'bob@contoso.com', true)] }));
    assert.deepEqual(direct, [{ code: 'denied', rights: ['full-access'], via: ['Bob Kelly'] }]);
    const viaGroup = diagnose(input({ grants: [grant('full-access', 'bob@contoso.com'), grant('send-as', 'support', true)] }));
    assert.deepEqual(viaGroup, [{ code: 'denied', rights: ['send-as'], via: ['Support'] }]);
  });

  it('finds automapping off when the bot recorded it off for a direct grant', () => {
    assert.deepEqual(codes(diagnose(input({ automapping: new Map([['u-bob', false]]) }))), ['automapping-off']);
    assert.deepEqual(codes(diagnose(input({ automapping: new Map([['u-bob', true]]) }))), ['all-clear']);
  });

  it('finds a mailbox hidden from address lists', () => {
    assert.deepEqual(codes(diagnose(input({ mailbox: { ...info, hiddenFromAddressLists: true } }))), ['hidden-from-address-lists']);
  });

  it('finds a grant made less than 60 minutes ago, and ignores older ones', () => {
    const recentGrants = [
      { requestId: 'r-old', at: '2026-11-25T10:00:00.000Z', rights: ['full-access' as const] },
      { requestId: 'r-new', at: '2026-11-25T11:35:00.000Z', rights: ['full-access' as const] },
    ];
    assert.deepEqual(diagnose(input({ recentGrants })), [{ code: 'recent-grant', requestId: 'r-new', minutesAgo: 25 }]);
    assert.deepEqual(codes(diagnose(input({ recentGrants: recentGrants.slice(0, 1) }))), ['all-clear']);
  });

  it("finds the person's own account disabled", () => {
    assert.deepEqual(codes(diagnose(input({ person: { ...bob, accountEnabled: false } }))), ['account-disabled']);
  });

  it('finds a mailbox that is not a shared one', () => {
    assert.deepEqual(diagnose(input({ mailbox: { ...info, kind: 'user' } })), [{ code: 'not-shared', kind: 'user' }]);
  });

  it('finds forwarding that keeps no copy, and stays quiet when a copy is kept', () => {
    const forwarding = { ...info, forwardingSmtpAddress: 'agency@fabrikam.com' };
    assert.deepEqual(diagnose(input({ mailbox: forwarding })), [{ code: 'forwarding-without-copy', address: 'agency@fabrikam.com' }]);
    assert.deepEqual(codes(diagnose(input({ mailbox: { ...forwarding, deliverToMailboxAndForward: true } }))), ['all-clear']);
  });

  it('lists every cause that applies, most blocking first', () => {
    const findings = diagnose(
      input({
        person: { ...bob, accountEnabled: false },
        mailbox: { ...info, hiddenFromAddressLists: true, kind: 'user' },
        grants: [grant('send-on-behalf', 'support')],
      }),
    );
    assert.deepEqual(codes(findings), ['account-disabled', 'no-access', 'hidden-from-address-lists', 'not-shared']);
  });

  it('matches the person by object id whatever its letter case', () => {
    const upper = { ...bob, id: 'U-BOB' };
    const findings = diagnose(input({ trustees: new Map([['bob@contoso.com', { kind: 'user', user: upper }]]) }));
    assert.deepEqual(codes(findings), ['all-clear']);
  });
});
