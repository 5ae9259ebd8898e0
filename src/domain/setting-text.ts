import type { SettingChange } from './setting-change';

const on = (value: boolean): string => (value ? 'on' : 'off');

/** The reply's schedule in words: "until 2026-12-01" or "until turned off". */
export function replySchedule(change: Extract<SettingChange, { kind: 'auto-reply' }>): string {
  const { reply } = change;
  if (reply.status === 'disabled') return 'off';
  return reply.status === 'scheduled' && reply.end ? `until ${reply.end.slice(0, 10)}` : 'until turned off';
}

/** One line for the audit log and notices, like describeChange does for grants. */
export function describeSetting(change: SettingChange): string {
  const box = `${change.mailbox.displayName} (${change.mailbox.address})`;
  switch (change.kind) {
    case 'automap':
      return `turn automapping ${on(change.automapping)} for ${change.trustee.displayName} (${change.trustee.address}) on ${box}`;
    case 'forwarding':
      if (!change.forward) return `stop forwarding ${box}`;
      return `forward ${box} to ${change.forward.address}${change.forward.keepCopy ? ', keeping a copy' : ''}`;
    case 'sent-items':
      return `turn Sent Items copies ${on(change.enabled)} on ${box}`;
    case 'auto-reply':
      return change.reply.status === 'disabled'
        ? `turn automatic replies off on ${box}`
        : `set automatic replies on ${box} ${replySchedule(change)}: "${change.reply.message}"`;
    case 'address-lists':
      return `${change.hidden ? 'hide' : 'show'} ${box} ${change.hidden ? 'from' : 'in'} address lists`;
    case 'block-sign-in':
      return `block sign-in for ${box}`;
    case 'create-mailbox': {
      const members = change.members.map((m) => m.displayName).join(', ');
      return `create shared mailbox ${box}${members ? ` with ${members}` : ''}`;
    }
    case 'convert-to-shared':
      return `convert ${box} to a shared mailbox`;
  }
}
