import type { Mailbox, MailboxKind, RawGrant } from '../../domain/mailbox';
import type { ExoRow } from './exo-envelope';

/** Get-Mailbox properties the bot reads; asked for with `$select` to keep responses small. */
export const MAILBOX_PROPERTIES = [
  'ExternalDirectoryObjectId',
  'DisplayName',
  'PrimarySmtpAddress',
  'RecipientTypeDetails',
  'HiddenFromAddressListsEnabled',
  'ForwardingSmtpAddress',
  'ForwardingAddress',
  'DeliverToMailboxAndForward',
  'MessageCopyForSentAsEnabled',
  'MessageCopyForSendOnBehalfEnabled',
  'GrantSendOnBehalfTo',
] as const;

const SELF_SID = 'S-1-5-10';

const KINDS: Readonly<Record<string, MailboxKind>> = {
  SharedMailbox: 'shared',
  UserMailbox: 'user',
  RoomMailbox: 'room',
  EquipmentMailbox: 'equipment',
};

export function toMailbox(row: ExoRow): Mailbox {
  const forwardingSmtp = text(row['ForwardingSmtpAddress']);
  const forwardingAddress = text(row['ForwardingAddress']);
  return {
    id: text(row['ExternalDirectoryObjectId']) ?? text(row['Guid']) ?? '',
    displayName: text(row['DisplayName']) ?? text(row['Name']) ?? '',
    address: text(row['PrimarySmtpAddress']) ?? '',
    kind: KINDS[text(row['RecipientTypeDetails']) ?? ''] ?? 'other',
    hiddenFromAddressLists: row['HiddenFromAddressListsEnabled'] === true,
    ...(forwardingSmtp ? { forwardingSmtpAddress: forwardingSmtp.replace(/^smtp:/i, '') } : {}),
    ...(forwardingAddress ? { forwardingAddress } : {}),
    deliverToMailboxAndForward: row['DeliverToMailboxAndForward'] === true,
    messageCopyForSentAsEnabled: row['MessageCopyForSentAsEnabled'] === true,
    messageCopyForSendOnBehalfEnabled: row['MessageCopyForSendOnBehalfEnabled'] === true,
  };
}

/** Full Access entries from Get-MailboxPermission, without the mailbox's own SELF rows or inherited ones. */
export function fullAccessGrants(rows: readonly ExoRow[]): RawGrant[] {
  return rows
    .filter((row) => row['UserSid'] !== SELF_SID && row['User'] !== 'NT AUTHORITY\\SELF' && row['IsInherited'] !== true)
    .filter((row) => accessRights(row).includes('FullAccess'))
    .map((row) => ({ right: 'full-access', trustee: text(row['User']) ?? '', deny: row['Deny'] === true }));
}

/** Send As entries from Get-RecipientPermission, same filtering. */
export function sendAsGrants(rows: readonly ExoRow[]): RawGrant[] {
  return rows
    .filter((row) => row['TrusteeSidString'] !== SELF_SID && row['Trustee'] !== 'NT AUTHORITY\\SELF' && row['IsInherited'] !== true)
    .filter((row) => accessRights(row).includes('SendAs'))
    .map((row) => ({ right: 'send-as', trustee: text(row['Trustee']) ?? '', deny: row['AccessControlType'] === 'Deny' }));
}

/** Send on Behalf is a mailbox property, not a permission entry: the trustees as Exchange names them. */
export function sendOnBehalfGrants(mailboxRow: ExoRow): RawGrant[] {
  const delegates = mailboxRow['GrantSendOnBehalfTo'];
  if (!Array.isArray(delegates)) return [];
  return delegates
    .filter((trustee): trustee is string => typeof trustee === 'string' && trustee !== '')
    .map((trustee) => ({ right: 'send-on-behalf', trustee, deny: false }));
}

/** AccessRights elements may themselves be comma-joined ("FullAccess, ReadPermission"). */
function accessRights(row: ExoRow): string[] {
  const value = row['AccessRights'];
  const elements = Array.isArray(value) ? value : [value];
  return elements.filter((item): item is string => typeof item === 'string').flatMap((item) => item.split(',').map((right) => right.trim()));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
