import template from '../../cards/my-mailboxes.json';
import type { ReachableMailbox } from '../app/outcome';
import type { PrincipalRef } from '../domain/change-request';
import { capped, mailboxKey, pathText, rightName } from './format';
import { render } from './render';
import type { View } from './view';

const MAX_MAILBOXES = 20;
const MAILBOX_BYTES = 4_000;

export interface MyMailboxesCardData {
  readonly person: string;
  readonly mailboxes: readonly { readonly name: string; readonly how: string; readonly mailboxKey: string }[];
  readonly more: string;
}

/** "Full Access directly · Send As via Sales → Sales EMEA". */
const howText = (reachable: ReachableMailbox): string =>
  reachable.rights.map((held) => `${rightName(held.right)} ${pathText(held.path)}`).join(' · ');

/** Says "you" when the viewer asks about themselves. */
export function myMailboxesView(person: PrincipalRef, mailboxes: readonly ReachableMailbox[], viewerId: string): View {
  const rows = mailboxes.map((reachable) => ({
    name: `${reachable.mailbox.displayName} (${reachable.mailbox.address})`,
    how: howText(reachable),
    mailboxKey: mailboxKey(reachable.mailbox.address),
  }));
  const { shown, more } = capped(rows, MAX_MAILBOXES, MAILBOX_BYTES);
  const data: MyMailboxesCardData = { person: person.id === viewerId ? 'you' : person.displayName, mailboxes: shown, more };
  const lines = data.mailboxes.map((row) => `- ${row.name}: ${row.how}`);
  const text = [`Shared mailboxes ${data.person} can reach:`, ...(lines.length > 0 ? lines : ['none yet']), more];
  return { card: render(template, data), text: text.filter(Boolean).join('\n') };
}
