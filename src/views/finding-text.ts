import type { MailboxRef, PrincipalRef } from '../domain/change-request';
import { PROPAGATION_MINUTES, type Finding } from '../domain/diagnose';
import { rightNames } from './format';

export interface FindingText {
  readonly headline: string;
  readonly explanation: string;
  readonly fix: string;
}

/** A finding in plain words: what is wrong, why it matters, and what to do. */
export function findingText(finding: Finding, person: PrincipalRef, mailbox: MailboxRef): FindingText {
  const who = person.displayName;
  const box = mailbox.displayName;
  switch (finding.code) {
    case 'account-disabled':
      return {
        headline: `${who}'s account is disabled`,
        explanation: `A disabled account cannot sign in, so no permission on ${box} helps.`,
        fix: 'Ask your IT admin to enable the account if the person is still with you.',
      };
    case 'denied':
      return {
        headline: `A Deny entry blocks ${rightNames(finding.rights)}`,
        explanation: `Deny wins over every grant in Exchange. It names ${finding.via.join(', ')}.`,
        fix: 'Ask an Exchange admin to remove the Deny entry (Remove-MailboxPermission -Deny) if it is no longer wanted.',
      };
    case 'no-access':
      return {
        headline: `${who} has no Full Access to ${box}`,
        explanation:
          finding.otherRights.length > 0
            ? `${who} holds ${rightNames(finding.otherRights)}, which lets them send but not open the mailbox.`
            : `Neither a direct grant nor a group gives ${who} any access.`,
        fix: 'Ask for Full Access: an owner of the mailbox approves.',
      };
    case 'group-only':
      return {
        headline: `Access only through ${finding.groups.join(', ')}: no automapping`,
        explanation: `Automapping works only for people granted directly, so ${box} never appears in ${who}'s Outlook by itself.`,
        fix: `Add it in Outlook by hand (File > Account settings > Open another mailbox), or ask for a direct grant so it appears within ${PROPAGATION_MINUTES} minutes.`,
      };
    case 'automapping-off':
      return {
        headline: 'Automapping is off',
        explanation: `The bot granted Full Access without automapping, so ${box} does not appear in Outlook by itself.`,
        fix: `Add it in Outlook by hand, or ask "automap ${mailbox.address} on for ${person.address}".`,
      };
    case 'hidden-from-address-lists':
      return {
        headline: `${box} is hidden from address lists`,
        explanation: 'Delegates of a hidden mailbox may not be able to open it or send from it in Outlook.',
        fix: `Ask an admin to unhide it ("show ${mailbox.address}") unless hiding is essential.`,
      };
    case 'recent-grant':
      return {
        headline: `Access was granted ${finding.minutesAgo} minutes ago`,
        explanation: `Exchange and Outlook take up to ${PROPAGATION_MINUTES} minutes to show a new grant (request ${finding.requestId}).`,
        fix: `Wait about ${PROPAGATION_MINUTES - finding.minutesAgo} more minutes, then restart Outlook.`,
      };
    case 'not-shared':
      return {
        headline: `${box} is a ${finding.kind} mailbox, not a shared one`,
        explanation: 'It may have been converted recently, or it is someone\'s personal mailbox: delegate access behaves differently.',
        fix: `Ask an admin to convert it ("convert ${mailbox.address} to shared") if it belongs to a team.`,
      };
    case 'forwarding-without-copy':
      return {
        headline: `All mail is forwarded to ${finding.address} without keeping a copy`,
        explanation: `${box} opens but stays empty: new mail leaves before anyone sees it.`,
        fix: `Ask for "forward ${mailbox.address} to ${finding.address} and keep a copy", or "stop forwarding ${mailbox.address}".`,
      };
    case 'all-clear':
      return {
        headline: 'Nothing found in the way',
        explanation: `${who} has Full Access directly, the account is enabled and the mailbox is visible.`,
        fix: 'Restart Outlook; in Outlook on the web, add the mailbox by hand (right-click Folders > Add shared folder).',
      };
  }
}
