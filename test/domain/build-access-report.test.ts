import { strict as assert } from 'node:assert';
import { buildAccessReport, type AccessReportInput } from '../../src/domain/build-access-report';
import type { Group, GroupMember, Person, Trustee } from '../../src/domain/directory';
import type { Mailbox, RawGrant } from '../../src/domain/mailbox';

const person = (id: string, displayName: string, accountEnabled = true): Person => ({
  id,
  displayName,
  userPrincipalName: `${id}@contoso.com`,
  mail: `${id}@contoso.com`,
  accountEnabled,
});
const group = (id: string, displayName: string): Group => ({
  id,
  displayName,
  mail: `${id}@contoso.com`,
  securityEnabled: true,
  mailEnabled: true,
});

const adele = person('adele', 'Adele Vance');
const bob = person('bob', 'Bob Kelly');
const megan = person('megan', 'Megan Bowen');
const lee = person('lee', 'Lee Gu', false);
const sales = group('sales', 'Sales');

const info: Mailbox = {
  id: 'info-id',
  displayName: 'Info',
  address: 'info@contoso.com',
  kind: 'shared',
  hiddenFromAddressLists: false,
  deliverToMailboxAndForward: false,
  messageCopyForSentAsEnabled: false,
  messageCopyForSendOnBehalfEnabled: false,
};

const userTrustee = (user: Person): Trustee => ({ kind: 'user', user });
const allow = (right: RawGrant['right'], trustee: string): RawGrant => ({ right, trustee, deny: false });
const deny = (right: RawGrant['right'], trustee: string): RawGrant => ({ right, trustee, deny: true });

function report(overrides: Partial<AccessReportInput> & { grants?: readonly RawGrant[]; mailbox?: Mailbox }) {
  const { grants = [], mailbox = info, ...rest } = overrides;
  return buildAccessReport({
    access: { mailbox, grants },
    trustees: new Map<string, Trustee>([
      ['adele@contoso.com', userTrustee(adele)],
      ['bob@contoso.com', userTrustee(bob)],
      ['megan@contoso.com', userTrustee(megan)],
      ['lee@contoso.com', userTrustee(lee)],
      ['Sales', { kind: 'group', group: sales }],
    ]),
    members: new Map<string, readonly GroupMember[]>(),
    automapping: new Map(),
    accountEnabled: false,
    internalDomains: ['contoso.com'],
    ...rest,
  });
}

const summary = (r: ReturnType<typeof report>) =>
  r.entries.map((e) => `${e.right} ${e.person.displayName} ${e.path.kind === 'direct' ? 'direct' : e.path.via.join(' > ')}`);

describe('buildAccessReport', () => {
  it('answers with nothing to report when the mailbox has no grants', () => {
    const r = report({});
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.groupGrants, []);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.forwarding, undefined);
    assert.equal(r.mailbox, info);
  });

  it('lists direct grants sorted by right then display name', () => {
    const r = report({
      grants: [
        allow('send-on-behalf', 'adele@contoso.com'),
        allow('send-as', 'megan@contoso.com'),
        allow('full-access', 'megan@contoso.com'),
        allow('full-access', 'adele@contoso.com'),
        allow('send-as', 'bob@contoso.com'),
      ],
    });
    assert.deepEqual(summary(r), [
      'full-access Adele Vance direct',
      'full-access Megan Bowen direct',
      'send-as Bob Kelly direct',
      'send-as Megan Bowen direct',
      'send-on-behalf Adele Vance direct',
    ]);
  });

  it('expands a group grant into its members with the chain of nested groups', () => {
    const members: GroupMember[] = [
      { user: bob, via: ['Sales'] },
      { user: megan, via: ['Sales', 'Sales EMEA', 'Sales Paris'] },
    ];
    const r = report({ grants: [allow('full-access', 'Sales')], members: new Map([['sales', members]]) });
    assert.deepEqual(summary(r), ['full-access Bob Kelly Sales', 'full-access Megan Bowen Sales > Sales EMEA > Sales Paris']);
    assert.deepEqual(r.groupGrants, [{ right: 'full-access', group: sales, memberCount: 2 }]);
    assert.ok(r.entries.every((e) => e.automapping === 'not-applicable'));
  });

  it('gives a person both entries when reached directly and through a group', () => {
    const r = report({
      grants: [allow('full-access', 'Sales'), allow('full-access', 'bob@contoso.com')],
      members: new Map([['sales', [{ user: bob, via: ['Sales'] }]]]),
    });
    assert.deepEqual(summary(r), ['full-access Bob Kelly direct', 'full-access Bob Kelly Sales']);
  });

  it('keeps one entry per person, right and path when Exchange lists a grant twice', () => {
    const r = report({
      grants: [allow('send-as', 'bob@contoso.com'), allow('send-as', 'bob@contoso.com'), allow('send-as', 'Sales')],
      members: new Map([['sales', [{ user: bob, via: ['Sales'] }, { user: bob, via: ['Sales'] }]]]),
    });
    assert.deepEqual(summary(r), ['send-as Bob Kelly direct', 'send-as Bob Kelly Sales']);
    assert.equal(r.groupGrants.length, 1);
    assert.equal(r.groupGrants[0]?.memberCount, 1);
  });

  it('falls back to the granted group as the chain when the member has none', () => {
    const r = report({ grants: [allow('send-as', 'Sales')], members: new Map([['sales', [{ user: bob, via: [] }]]]) });
    assert.deepEqual(summary(r), ['send-as Bob Kelly Sales']);
  });

  it('never counts a Deny entry as access and warns about it', () => {
    const r = report({ grants: [deny('full-access', 'megan@contoso.com')] });
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.warnings, [{ code: 'deny-entry', right: 'full-access', trustee: 'Megan Bowen' }]);
  });

  it('removes the Allow entries of the same right when a user is denied', () => {
    const r = report({
      grants: [
        allow('full-access', 'Sales'),
        allow('full-access', 'bob@contoso.com'),
        allow('send-as', 'bob@contoso.com'),
        deny('full-access', 'bob@contoso.com'),
      ],
      members: new Map([['sales', [{ user: bob, via: ['Sales'] }, { user: adele, via: ['Sales'] }]]]),
    });
    assert.deepEqual(summary(r), ['full-access Adele Vance Sales', 'send-as Bob Kelly direct']);
  });

  it('denies every member of a denied group', () => {
    const r = report({
      grants: [allow('send-as', 'bob@contoso.com'), deny('send-as', 'Sales')],
      members: new Map([['sales', [{ user: bob, via: ['Sales'] }]]]),
    });
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.warnings, [{ code: 'deny-entry', right: 'send-as', trustee: 'Sales' }]);
    assert.deepEqual(r.groupGrants, []);
  });

  it('leaves disabled accounts out and warns once per right', () => {
    const r = report({
      grants: [allow('full-access', 'lee@contoso.com'), allow('full-access', 'Sales')],
      members: new Map([['sales', [{ user: lee, via: ['Sales'] }, { user: bob, via: ['Sales'] }]]]),
    });
    assert.deepEqual(summary(r), ['full-access Bob Kelly Sales']);
    assert.deepEqual(r.warnings, [{ code: 'disabled-trustee', right: 'full-access', person: lee }]);
    assert.equal(r.groupGrants[0]?.memberCount, 1);
  });

  it('warns about orphaned entries, resolved or simply unknown', () => {
    const sid = 'S-1-5-21-1111-2222-3333-4444';
    const r = report({
      grants: [allow('full-access', sid), allow('send-as', 'ghost@contoso.com')],
      trustees: new Map<string, Trustee>([[sid, { kind: 'orphan', raw: sid }]]),
    });
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.warnings, [
      { code: 'orphaned-entry', right: 'full-access', trustee: sid },
      { code: 'orphaned-entry', right: 'send-as', trustee: 'ghost@contoso.com' },
    ]);
  });

  it('shows automapping as recorded for direct Full Access and not applicable elsewhere', () => {
    const r = report({
      grants: [
        allow('full-access', 'adele@contoso.com'),
        allow('full-access', 'bob@contoso.com'),
        allow('full-access', 'megan@contoso.com'),
        allow('send-as', 'adele@contoso.com'),
      ],
      automapping: new Map([
        ['adele', true],
        ['bob', false],
      ]),
    });
    assert.deepEqual(
      r.entries.map((e) => `${e.right} ${e.person.id} ${e.automapping}`),
      ['full-access adele on', 'full-access bob off', 'full-access megan unknown', 'send-as adele not-applicable'],
    );
  });

  it('flags external forwarding and keeps the copy setting', () => {
    const r = report({
      mailbox: { ...info, forwardingSmtpAddress: 'smtp:Someone@Fabrikam.example', deliverToMailboxAndForward: true },
    });
    assert.deepEqual(r.forwarding, { address: 'Someone@Fabrikam.example', external: true, keepsCopy: true });
    assert.deepEqual(r.warnings, [{ code: 'external-forwarding', address: 'Someone@Fabrikam.example' }]);
  });

  it('treats forwarding to an accepted domain or a directory recipient as internal', () => {
    const internalSmtp = report({ mailbox: { ...info, forwardingSmtpAddress: 'desk@contoso.co.uk' }, internalDomains: ['contoso.com', 'contoso.co.uk'] });
    assert.deepEqual(internalSmtp.forwarding, { address: 'desk@contoso.co.uk', external: false, keepsCopy: false });
    const recipient = report({ mailbox: { ...info, forwardingAddress: 'Help Desk', forwardingSmtpAddress: 'x@fabrikam.example' } });
    assert.deepEqual(recipient.forwarding, { address: 'Help Desk', external: false, keepsCopy: false });
    assert.deepEqual([...internalSmtp.warnings, ...recipient.warnings], []);
  });

  it('warns about a hidden mailbox and a shared mailbox whose account can sign in', () => {
    const r = report({ mailbox: { ...info, hiddenFromAddressLists: true }, accountEnabled: true });
    assert.deepEqual(r.warnings, [{ code: 'sign-in-enabled' }, { code: 'hidden-from-address-lists' }]);
    assert.equal(r.accountEnabled, true);
  });

  it('says a user mailbox is not shared without calling its enabled account a problem', () => {
    const r = report({ mailbox: { ...info, kind: 'user' }, accountEnabled: true });
    assert.deepEqual(r.warnings, [{ code: 'not-shared', kind: 'user' }]);
  });

  it('keeps accountEnabled undefined when the account is unknown', () => {
    const r = report({ accountEnabled: undefined });
    assert.equal(r.accountEnabled, undefined);
    assert.deepEqual(r.warnings, []);
  });
});
