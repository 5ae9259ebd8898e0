import type { ChangeRequest, MailboxRef, PrincipalRef } from '../../../src/domain/change-request';
import type { Mailbox } from '../../../src/domain/mailbox';

export const info: Mailbox = {
  id: 'mbx-info',
  displayName: 'Info',
  address: 'info@contoso.com',
  kind: 'shared',
  hiddenFromAddressLists: false,
  deliverToMailboxAndForward: false,
  messageCopyForSentAsEnabled: true,
  messageCopyForSendOnBehalfEnabled: true,
};

export const infoRef: MailboxRef = { id: info.id, displayName: info.displayName, address: info.address };

export const bob: PrincipalRef = { kind: 'user', id: 'user-bob', displayName: 'Bob Smith', address: 'bob@contoso.com' };
export const dana: PrincipalRef = { kind: 'user', id: 'user-dana', displayName: 'Dana Lee', address: 'dana@contoso.com' };
export const sales: PrincipalRef = { kind: 'group', id: 'group-sales', displayName: 'Sales', address: 'sales@contoso.com' };

export function aRequest(fields: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    id: 'req-1',
    change: { kind: 'grant', mailbox: infoRef, trustee: bob, rights: ['full-access', 'send-as'], automapping: true },
    requester: bob,
    approverIds: [dana.id],
    status: 'pending',
    createdAt: '2026-12-01T10:00:00.000Z',
    expiresAt: '2026-12-08T10:00:00.000Z',
    version: '1',
    ...fields,
  };
}
