import type { SettingChange } from '../../src/domain/setting-change';

const info = { id: 'm-info', displayName: 'Info', address: 'info@contoso.com' };
const bob = { kind: 'user' as const, id: 'u-bob', displayName: 'Bob Jones', address: 'bob@contoso.com' };

/** One settings change of every kind. */
export const settingChanges: readonly SettingChange[] = [
  { kind: 'automap', mailbox: info, trustee: bob, automapping: false },
  { kind: 'forwarding', mailbox: info, forward: { address: 'anna@fabrikam.com', external: true, keepCopy: true } },
  { kind: 'forwarding', mailbox: info },
  { kind: 'sent-items', mailbox: info, enabled: true },
  { kind: 'auto-reply', mailbox: info, reply: { status: 'scheduled', message: 'Closed until Monday', start: '2026-11-25T12:00:00.000Z', end: '2026-12-01T23:59:59.000Z' } },
  { kind: 'auto-reply', mailbox: info, reply: { status: 'disabled', message: '' } },
  { kind: 'address-lists', mailbox: info, hidden: true },
  { kind: 'block-sign-in', mailbox: info },
  { kind: 'create-mailbox', mailbox: { id: 'new:support@contoso.com', displayName: 'Support', address: 'support@contoso.com' }, members: [bob] },
  { kind: 'convert-to-shared', mailbox: info },
];
