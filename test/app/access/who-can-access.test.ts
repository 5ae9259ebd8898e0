import { strict as assert } from 'node:assert';
import type { AccessReport } from '../../../src/domain/access-report';
import type { Outcome } from '../../../src/app/outcome';
import { whoCanAccess } from '../../../src/app/who-can-access';
import { actor, ids, rejection, sharedAccessEnv, type AccessEnv } from './access-env';

const asker = actor(ids.pradeep, 'Pradeep Gupta');

function reportOf(outcome: Outcome): AccessReport {
  assert.equal(outcome.kind, 'access-report');
  if (outcome.kind !== 'access-report') throw new Error('unreachable');
  return outcome.report;
}

const lines = (report: AccessReport) =>
  report.entries.map(
    (e) => `${e.right} ${e.person.displayName} ${e.path.kind === 'direct' ? 'direct' : e.path.via.join(' > ')} ${e.automapping}`,
  );

describe('who can access (simulator)', () => {
  let env: AccessEnv;
  const ask = (mailbox: string) => whoCanAccess(env.deps, asker, { kind: 'who-can-access', mailbox });

  sharedAccessEnv(async (started) => {
    env = started;
    await env.deps.store.recordAutomapping(ids.info, ids.adele, true);
  });

  it('tells the whole truth about a mailbox with direct, nested, denied, orphaned and disabled grants', async () => {
    const report = reportOf(await ask('info@contoso.com'));
    assert.equal(report.mailbox.address, 'info@contoso.com');
    assert.deepEqual(lines(report), [
      'full-access Adele Vance direct on',
      'full-access Bob Kelly Sales not-applicable',
      'full-access Nestor Wilke Sales > Sales EMEA not-applicable',
      'send-as Bob Kelly direct not-applicable',
      'send-on-behalf Nestor Wilke direct not-applicable',
    ]);
    assert.deepEqual(
      report.groupGrants.map((g) => [g.right, g.group.displayName, g.memberCount]),
      [['full-access', 'Sales', 2]],
    );
    assert.deepEqual(report.forwarding, { address: 'desk@fabrikam.example', external: true, keepsCopy: true });
    assert.equal(report.accountEnabled, true);
    const codes = report.warnings.map((w) => w.code);
    assert.deepEqual(codes, [
      'sign-in-enabled',
      'hidden-from-address-lists',
      'external-forwarding',
      'deny-entry',
      'disabled-trustee',
      'orphaned-entry',
    ]);
    assert.deepEqual(report.warnings.find((w) => w.code === 'deny-entry'), { code: 'deny-entry', right: 'full-access', trustee: 'Megan Bowen' });
    const disabled = report.warnings.find((w) => w.code === 'disabled-trustee');
    assert.equal(disabled?.code === 'disabled-trustee' && disabled.person.displayName, 'Lee Gu');
    const orphan = report.warnings.find((w) => w.code === 'orphaned-entry');
    assert.match(orphan?.code === 'orphaned-entry' ? orphan.trustee : '', /^S-1-5-21-/);
  });

  it('finds the same mailbox from info@, info and its display name', async () => {
    for (const query of ['info@', 'info', 'Info', '  INFO@contoso.com ']) {
      const report = reportOf(await ask(query));
      assert.equal(report.mailbox.id, ids.info, query);
    }
  });

  it('finds a mailbox by a display name that is not its alias', async () => {
    const report = reportOf(await ask('marketing'));
    assert.equal(report.mailbox.address, 'mkt@contoso.com');
    assert.deepEqual(lines(report), [
      'full-access Bob Kelly Sales not-applicable',
      'full-access Nestor Wilke Sales > Sales EMEA not-applicable',
      'send-as Bob Kelly Sales not-applicable',
      'send-as Nestor Wilke Sales > Sales EMEA not-applicable',
    ]);
    assert.deepEqual(
      report.warnings.map((w) => (w.code === 'disabled-trustee' ? `${w.right} ${w.person.displayName}` : w.code)),
      ['full-access Lee Gu', 'send-as Lee Gu'],
    );
  });

  it('suggests a close mailbox when the one asked for does not exist', async () => {
    const error = await rejection(ask('infos@'));
    assert.equal(error.code, 'not-found');
    assert.match(error.message, /^I can't find a mailbox called "infos@"\. Did you mean .*Info \(info@contoso\.com\)/);
  });

  it('says plainly that nothing matches when nothing is close', async () => {
    const error = await rejection(ask('zzyzx@contoso.com'));
    assert.equal(error.code, 'not-found');
    assert.equal(error.message, `I can't find a mailbox called "zzyzx@contoso.com".`);
  });

  it('offers the candidates instead of guessing when a name matches several mailboxes', async () => {
    const error = await rejection(ask('Support'));
    assert.equal(error.code, 'ambiguous');
    assert.equal(error.subject, 'mailbox');
    assert.deepEqual(
      [...error.candidates].sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: '00000000-0000-4000-8000-0000000000c3', label: 'Support EMEA', detail: 'support-emea@contoso.com' },
        { id: ids.supportUs, label: 'Support US', detail: 'support-us@contoso.com' },
      ],
    );
  });

  it('answers for a picked candidate once the ambiguity is resolved', async () => {
    const report = reportOf(await ask('id:mailbox:support-us@contoso.com'));
    assert.equal(report.mailbox.id, ids.supportUs);
    assert.deepEqual(lines(report), ['full-access Nestor Wilke direct unknown']);
  });

  it('answers for a user mailbox and says it is not shared', async () => {
    const report = reportOf(await ask('diego@'));
    assert.equal(report.mailbox.kind, 'user');
    assert.deepEqual(lines(report), ['full-access Megan Bowen direct unknown']);
    assert.deepEqual(report.warnings, [{ code: 'not-shared', kind: 'user' }]);
  });

  it('refuses an empty mailbox name with a friendly question', async () => {
    const error = await rejection(ask('   '));
    assert.equal(error.code, 'invalid');
    assert.match(error.message, /Which mailbox\?/);
  });
});
