import template from '../../cards/owners.json';
import type { MailboxRef, PrincipalRef } from '../domain/change-request';
import { mailboxText, plural } from './format';
import { render } from './render';
import type { View } from './view';

export interface OwnersCardData {
  readonly mailbox: string;
  readonly summary: string;
  readonly owners: readonly { readonly name: string; readonly address: string }[];
}

export function ownersView(mailbox: MailboxRef, owners: readonly PrincipalRef[]): View {
  const data: OwnersCardData = {
    mailbox: mailboxText(mailbox),
    summary:
      owners.length === 0
        ? 'No owners: the admins approve requests for this mailbox.'
        : `${plural(owners.length, 'owner')} ${owners.length === 1 ? 'approves' : 'approve'} requests for this mailbox.`,
    owners: owners.map((owner) => ({ name: owner.displayName, address: owner.address })),
  };
  const lines = data.owners.map((owner) => `- ${owner.name} (${owner.address})`);
  return { card: render(template, data), text: [`Owners of ${data.mailbox}:`, data.summary, ...lines].join('\n') };
}
