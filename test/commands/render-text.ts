import type { Command, Duration } from '../../src/commands/command';
import type { Right } from '../../src/domain/mailbox';

const RIGHT_WORDS: Readonly<Record<Right, string>> = {
  'full-access': 'full access',
  'send-as': 'send as',
  'send-on-behalf': 'send on behalf',
};

function quote(value: string): string {
  return value.includes(' ') ? `"${value}"` : value;
}

function rights(list: readonly Right[]): string {
  return list.map((right) => RIGHT_WORDS[right]).join(' and ');
}

function duration(value: Duration): string {
  return 'days' in value ? `for ${value.days} days` : `until ${value.until}`;
}

/** Writes a command back as the canonical sentence a user would type. */
export function renderText(command: Command): string {
  switch (command.kind) {
    case 'help':
      return 'help';
    case 'who-can-access':
      return `who can access ${quote(command.mailbox)}`;
    case 'my-mailboxes':
      return 'my mailboxes';
    case 'request-grant':
      return [
        `add ${command.person} to ${quote(command.mailbox)}`,
        `as ${rights(command.rights)}`,
        command.duration === undefined ? '' : duration(command.duration),
        command.automapping ? '' : 'without automapping',
        command.reason === undefined ? '' : `because ${command.reason}`,
      ].filter((part) => part !== '').join(' ');
    case 'request-revoke':
      return [
        `remove ${command.person} from ${quote(command.mailbox)} ${rights(command.rights)}`,
        command.reason === undefined ? '' : `because ${command.reason}`,
      ].filter((part) => part !== '').join(' ');
    case 'pending':
      return 'pending';
    case 'history':
      return `history ${quote(command.mailbox)}`;
    case 'owners':
      return `owners ${quote(command.mailbox)}`;
    case 'add-owner':
      return `add owner ${command.person} to ${quote(command.mailbox)}`;
    case 'remove-owner':
      return `remove owner ${command.person} from ${quote(command.mailbox)}`;
    case 'set-approvals-channel':
      return 'set approvals channel';
    default:
      throw new Error(`${command.kind} comes from cards, not text`);
  }
}
