import type { SettingChange } from '../domain/setting-change';
import { replySchedule } from '../domain/setting-text';

interface Fact {
  readonly title: string;
  readonly value: string;
}

const TITLES: Record<SettingChange['kind'], string> = {
  automap: 'Automapping request',
  forwarding: 'Forwarding request',
  'sent-items': 'Sent Items request',
  'auto-reply': 'Automatic replies request',
  'address-lists': 'Address list request',
  'block-sign-in': 'Sign-in request',
  'create-mailbox': 'New shared mailbox request',
  'convert-to-shared': 'Conversion request',
};

export const settingTitle = (change: SettingChange): string => TITLES[change.kind];

/** One line saying what a settings change does: "Turn automapping off for Bob on Info". */
export function settingChangeText(change: SettingChange): string {
  const name = change.mailbox.displayName;
  switch (change.kind) {
    case 'automap':
      return `Turn automapping ${change.automapping ? 'on' : 'off'} for ${change.trustee.displayName} on ${name}`;
    case 'forwarding':
      return change.forward ? `Forward ${name} to ${change.forward.address}` : `Stop forwarding ${name}`;
    case 'sent-items':
      return `Turn Sent Items copies ${change.enabled ? 'on' : 'off'} on ${name}`;
    case 'auto-reply':
      return change.reply.status === 'disabled' ? `Turn automatic replies off on ${name}` : `Set automatic replies on ${name}`;
    case 'address-lists':
      return change.hidden ? `Hide ${name} from address lists` : `Show ${name} in address lists`;
    case 'block-sign-in':
      return `Block sign-in for ${name}`;
    case 'create-mailbox':
      return `Create the shared mailbox ${name} (${change.mailbox.address})`;
    case 'convert-to-shared':
      return `Convert ${name} to a shared mailbox`;
  }
}

/** The request's particulars, under the mailbox line of the plan preview and the approval card. */
export function settingFacts(change: SettingChange): Fact[] {
  switch (change.kind) {
    case 'automap':
      return [
        { title: 'For', value: `${change.trustee.displayName} (${change.trustee.address})` },
        { title: 'Automapping', value: change.automapping ? 'on' : 'off' },
      ];
    case 'forwarding':
      if (!change.forward) return [{ title: 'Forwarding', value: 'off' }];
      return [
        { title: 'Forward to', value: `${change.forward.address}${change.forward.external ? ' (external)' : ''}` },
        { title: 'Keep a copy', value: change.forward.keepCopy ? 'yes' : 'no' },
      ];
    case 'sent-items':
      return [{ title: 'Sent Items copies', value: change.enabled ? 'on' : 'off' }];
    case 'auto-reply':
      if (change.reply.status === 'disabled') return [{ title: 'Automatic replies', value: 'off' }];
      return [
        { title: 'Reply', value: change.reply.message },
        { title: 'Schedule', value: `From approval ${replySchedule(change)}` },
        { title: 'Sent to', value: 'everyone who writes, inside and outside the organisation' },
      ];
    case 'address-lists':
      return [{ title: 'Address lists', value: change.hidden ? 'hidden' : 'shown' }];
    case 'block-sign-in':
      return [{ title: 'Sign-in', value: 'blocked' }];
    case 'create-mailbox':
      return [
        { title: 'Name', value: change.mailbox.displayName },
        { title: 'Address', value: change.mailbox.address },
        { title: 'Members', value: change.members.map((m) => m.displayName).join(', ') || 'nobody yet' },
        { title: 'Their rights', value: change.members.length > 0 ? 'Full Access, Send As' : '—' },
      ];
    case 'convert-to-shared':
      return [{ title: 'New type', value: 'shared mailbox' }];
  }
}
