import { strict as assert } from 'node:assert';
import type { SettingChange } from '../../src/domain/setting-change';
import { sameSetting } from '../../src/domain/setting-change';
import { SHARED_LIMIT_BYTES, settingPlan } from '../../src/domain/setting-plan';
import { describeSetting } from '../../src/domain/setting-text';

const info = { id: 'm-info', displayName: 'Info', address: 'info@contoso.com' };
const bob = { kind: 'user' as const, id: 'u-bob', displayName: 'Bob Jones', address: 'bob@contoso.com' };

describe('settings plans', () => {
  it('says the person keeps access and can add the mailbox by hand when automapping goes off', () => {
    const plan = settingPlan({ kind: 'automap', mailbox: info, trustee: bob, automapping: false });
    assert.deepEqual(plan.effects, ["Bob keeps access; Info leaves Bob's Outlook folder list within 60 minutes; Bob can still add it by hand."]);
  });

  it('flags forwarding to an external address and not to an internal one', () => {
    const external = settingPlan({ kind: 'forwarding', mailbox: info, forward: { address: 'a@fabrikam.com', external: true, keepCopy: false } });
    assert.match(external.warnings.join(' '), /5\.7\.520/);
    const internal = settingPlan({ kind: 'forwarding', mailbox: info, forward: { address: 'patti@contoso.com', external: false, keepCopy: true } });
    assert.deepEqual(internal.warnings, []);
  });

  it('warns to keep the licence when a mailbox to convert is near 50 GB', () => {
    const change: SettingChange = { kind: 'convert-to-shared', mailbox: info };
    assert.match(settingPlan(change, { sizeBytes: SHARED_LIMIT_BYTES }).warnings.join(' '), /keep its licence/);
    assert.doesNotMatch(settingPlan(change, { sizeBytes: 1024 }).warnings.join(' '), /keep its licence/);
  });

  it('describes an automatic reply with its text and end date for the audit log', () => {
    const change: SettingChange = { kind: 'auto-reply', mailbox: info, reply: { status: 'scheduled', message: 'Closed', start: '2026-11-25T12:00:00.000Z', end: '2026-12-01T23:59:59.000Z' } };
    assert.equal(describeSetting(change), 'set automatic replies on Info (info@contoso.com) until 2026-12-01: "Closed"');
  });

  it('treats the same setting on the same mailbox as a duplicate, and another value as new', () => {
    assert.ok(sameSetting({ kind: 'sent-items', mailbox: info, enabled: true }, { kind: 'sent-items', mailbox: info, enabled: true }));
    assert.ok(!sameSetting({ kind: 'sent-items', mailbox: info, enabled: true }, { kind: 'sent-items', mailbox: info, enabled: false }));
  });
});
