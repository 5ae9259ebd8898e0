import type { CmdletSpec } from '../cmdlet';
import { getMailboxAutoReplyConfiguration, setMailboxAutoReplyConfiguration } from './auto-reply';
import { getMailbox } from './get-mailbox';
import { getMailboxStatistics } from './mailbox-statistics';
import { addMailboxPermission, getMailboxPermission, removeMailboxPermission } from './mailbox-permission';
import { newMailbox } from './new-mailbox';
import { addRecipientPermission, getRecipientPermission, removeRecipientPermission } from './recipient-permission';
import { setMailbox } from './set-mailbox';

const ALL: CmdletSpec[] = [getMailbox, setMailbox, newMailbox, getMailboxPermission, addMailboxPermission, removeMailboxPermission,
  getRecipientPermission, addRecipientPermission, removeRecipientPermission, getMailboxStatistics,
  getMailboxAutoReplyConfiguration, setMailboxAutoReplyConfiguration];

const BY_NAME = new Map(ALL.map((spec) => [spec.name.toLowerCase(), spec]));

export function findCmdlet(name: string): CmdletSpec | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}
