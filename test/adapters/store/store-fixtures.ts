import assert from 'node:assert/strict';
import type { AuditEntry, ChangeRequest, PrincipalRef } from '../../../src/domain/change-request';
import { AppError, type ErrorCode } from '../../../src/domain/errors';

export const dana: PrincipalRef = {
  kind: 'user',
  id: 'u-dana',
  displayName: 'Dana Reyes',
  address: 'dana@contoso.com',
};
export const sam: PrincipalRef = { kind: 'user', id: 'u-sam', displayName: 'Sam Ito', address: 'sam@contoso.com' };
export const sales: PrincipalRef = { kind: 'group', id: 'g-sales', displayName: 'Sales', address: 'sales@contoso.com' };

let serial = 0;

type NewRequest = Omit<ChangeRequest, 'version'>;

/** A pending Full Access request on `mailboxId` (default mb-info), unique id, later createdAt each call. */
export function aRequest(overrides: Partial<NewRequest> & { readonly mailboxId?: string } = {}): NewRequest {
  serial += 1;
  const { mailboxId = 'mb-info', ...rest } = overrides;
  return {
    id: `req-${serial}-${Math.random().toString(36).slice(2, 8)}`,
    change: {
      kind: 'grant',
      mailbox: { id: mailboxId, displayName: 'Info', address: `${mailboxId}@contoso.com` },
      trustee: sam,
      rights: ['full-access'],
      automapping: true,
    },
    requester: sam,
    approverIds: [dana.id],
    status: 'pending',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, serial)).toISOString(),
    expiresAt: '2026-01-08T00:00:00.000Z',
    ...rest,
  };
}

export function anEntry(mailboxId: string, at: string, action: string, id = `audit-${(serial += 1)}`): AuditEntry {
  const mailboxAddress = `${mailboxId}@contoso.com`;
  return { id, at, mailboxId, mailboxAddress, actor: dana, action, detail: `${action} detail`, outcome: 'ok' };
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof AppError && err.code === code);
}

export function oneWinner(results: readonly PromiseSettledResult<unknown>[]): void {
  const winners = results.filter((result) => result.status === 'fulfilled');
  const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  assert.equal(winners.length, 1, `expected one winner, got ${winners.length}`);
  for (const loser of losers) {
    assert.ok(loser.reason instanceof AppError && loser.reason.code === 'conflict', String(loser.reason));
  }
}

export const MiB = 1024 * 1024;

/** A CSV export of about `chars` characters, with the quotes, commas and accents real ones have. */
export function aCsv(chars: number): string {
  const rows = ['"Display name","Address","Department",Row'];
  for (let length = rows[0]!.length; length < chars; length += rows[rows.length - 1]!.length + 1) {
    rows.push(`"Zoë Müller ${rows.length}","zoe${rows.length}@contoso.com","Sales, EMEA",${rows.length}`);
  }
  return rows.join('\n');
}
