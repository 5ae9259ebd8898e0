import type { Warning } from '../domain/access-report';
import type { MailboxKind } from '../domain/mailbox';
import { rightName } from './format';

const NOT_SHARED: Record<MailboxKind, string> = {
  shared: 'a shared mailbox',
  user: 'a user mailbox, not a shared mailbox',
  room: 'a room mailbox, not a shared mailbox',
  equipment: 'an equipment mailbox, not a shared mailbox',
  other: 'not a shared mailbox',
};

export const OUTLOOK_DELAY = 'Changes can take up to 60 minutes to show in Outlook.';

/** A warning as a sentence that explains the pitfall and what to do about it. */
export function warningText(warning: Warning): string {
  switch (warning.code) {
    case 'not-shared':
      return `This is ${NOT_SHARED[warning.kind]}: people who open it may be reading someone's personal mail. Convert it to shared if it belongs to a team.`;
    case 'hidden-from-address-lists':
      return 'The mailbox is hidden from address lists, which breaks access for delegates: Outlook may not show it or let them send as it. Unhide it unless hiding is essential.';
    case 'sign-in-enabled':
      return "The shared mailbox's own account can sign in. Block sign-in so nobody uses the mailbox with its own password.";
    case 'deny-entry':
      return `A Deny entry for ${warning.trustee} on ${rightName(warning.right)} overrides any grant, even one through a group: ${warning.trustee} cannot use ${rightName(warning.right)}.`;
    case 'disabled-trustee':
      return `${warning.person.displayName} holds ${rightName(warning.right)} but the account is disabled, so the access cannot be used. Remove it if the person has left.`;
    case 'orphaned-entry':
      return `A ${rightName(warning.right)} entry belongs to a deleted account (${warning.trustee}) and should be removed.`;
    case 'external-forwarding':
      return `Mail is forwarded to the external address ${warning.address}. The default outbound spam policy blocks automatic external forwarding (error 5.7.520) unless an admin allows it.`;
  }
}
