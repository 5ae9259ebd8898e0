import type { SimContext } from '../context';
import { principalById } from '../directory';
import { key, sidFor, type MailboxState } from '../state';
import { exoSize, setCollection, setDate, setDates, setGuid, setInt, type ExoObject } from './envelope';

const GB = 1024 ** 3;
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
export const SELF = 'NT AUTHORITY\\SELF';
export const SELF_SID = 'S-1-5-10';

export function organizationDomain(ctx: SimContext): string {
  const domain = ctx.state.tenant.defaultDomain;
  return domain.endsWith('.onmicrosoft.com') ? domain : `${domain.split('.')[0]}.onmicrosoft.com`;
}

export function presentMailbox(ctx: SimContext, mailbox: MailboxState): ExoObject {
  const account = ctx.state.users.get(key(mailbox.id));
  const shared = mailbox.type === 'shared';
  const org = organizationDomain(ctx);
  const row: ExoObject = {};
  row['Database'] = 'NAMPR01DG001-db001';
  setGuid(row, 'DatabaseGuid', '5b1f7e1c-0d3a-4e8e-9c1a-2f4d6b8a9c01');
  row['MessageCopyForSentAsEnabled'] = mailbox.messageCopyForSentAsEnabled;
  row['MessageCopyForSendOnBehalfEnabled'] = mailbox.messageCopyForSendOnBehalfEnabled;
  row['DeliverToMailboxAndForward'] = mailbox.deliverToMailboxAndForward;
  setGuid(row, 'ExchangeGuid', mailbox.exchangeGuid);
  row['ForwardingAddress'] = mailbox.forwardingAddress;
  row['ForwardingSmtpAddress'] = mailbox.forwardingSmtpAddress ? `smtp:${mailbox.forwardingSmtpAddress}` : null;
  row['ProhibitSendQuota'] = exoSize((shared ? 49.5 : 99) * GB);
  row['ProhibitSendReceiveQuota'] = exoSize((shared ? 50 : 100) * GB);
  row['IssueWarningQuota'] = exoSize((shared ? 49 : 98) * GB);
  row['IsShared'] = shared;
  row['IsResource'] = false;
  row['UserPrincipalName'] = account?.userPrincipalName ?? mailbox.primarySmtpAddress;
  row['WindowsLiveID'] = row['UserPrincipalName'];
  row['MicrosoftOnlineServicesID'] = row['UserPrincipalName'];
  setGuid(row, 'ArchiveGuid', ZERO_GUID);
  row['ArchiveStatus'] = 'None';
  setCollection(row, 'PersistedCapabilities', shared ? [] : ['BPOS_S_Enterprise']);
  row['AuditEnabled'] = true;
  setDate(row, 'WhenMailboxCreated', mailbox.whenCreated);
  row['IsInactiveMailbox'] = false;
  row['WhenSoftDeleted'] = null;
  setInt(row, 'RecipientSoftDeletedStatus', 0);
  row['AccountDisabled'] = !(account?.accountEnabled ?? false);
  row['IsDirSynced'] = false;
  row['Alias'] = mailbox.alias;
  row['DisplayName'] = mailbox.displayName;
  setCollection(row, 'EmailAddresses', [
    ...mailbox.secondaryAddresses.map((a) => `smtp:${a}`),
    `smtp:${mailbox.alias}@${org}`,
    `SMTP:${mailbox.primarySmtpAddress}`,
  ].filter((value, index, all) => all.findIndex((v) => v.toLowerCase() === value.toLowerCase()) === index));
  setCollection(row, 'GrantSendOnBehalfTo', [...mailbox.sendOnBehalf]);
  row['ExternalDirectoryObjectId'] = mailbox.id;
  row['HiddenFromAddressListsEnabled'] = mailbox.hiddenFromAddressLists;
  row['LegacyExchangeDN'] = `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${mailbox.exchangeGuid.replace(/-/g, '')}-${mailbox.alias}`;
  row['MaxSendSize'] = exoSize(35 * 1024 * 1024);
  row['MaxReceiveSize'] = exoSize(36 * 1024 * 1024);
  row['PrimarySmtpAddress'] = mailbox.primarySmtpAddress;
  row['RecipientType'] = 'UserMailbox';
  row['RecipientTypeDetails'] = recipientTypeDetails(mailbox);
  row['WindowsEmailAddress'] = mailbox.primarySmtpAddress;
  row['Identity'] = mailbox.id;
  row['Id'] = mailbox.id;
  row['IsValid'] = true;
  row['Name'] = mailbox.id;
  row['DistinguishedName'] = `CN=${mailbox.id},OU=${org},OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=PROD,DC=OUTLOOK,DC=COM`;
  setDates(row, 'WhenChanged', mailbox.whenChanged);
  setDates(row, 'WhenCreated', mailbox.whenCreated);
  setGuid(row, 'ExchangeObjectId', mailbox.id);
  row['OrganizationalUnitRoot'] = org;
  setGuid(row, 'Guid', mailbox.id);
  row['ObjectState'] = 'Unchanged';
  return row;
}

export function recipientTypeDetails(mailbox: MailboxState): string {
  return mailbox.type === 'shared' ? 'SharedMailbox' : 'UserMailbox';
}

/** How permission rows name a trustee: users by UPN, groups by display name, unknown ids by SID. */
export function trusteeLabel(ctx: SimContext, trusteeId: string): string {
  const principal = principalById(ctx.state, trusteeId);
  if (!principal) return sidFor(trusteeId);
  return principal.kind === 'user' ? principal.user.userPrincipalName : principal.group.displayName;
}

export function mailboxPermissionRow(ctx: SimContext, mailbox: MailboxState, trusteeId: string, deny: boolean, inheritanceType: string): ExoObject {
  return permissionRow(mailbox.id, trusteeLabel(ctx, trusteeId), sidFor(trusteeId), ['FullAccess'], deny, inheritanceType);
}

export function selfPermissionRows(mailbox: MailboxState): ExoObject[] {
  return [
    permissionRow(mailbox.id, SELF, SELF_SID, ['FullAccess, ReadPermission'], false, 'All'),
    permissionRow(mailbox.id, SELF, SELF_SID, ['FullAccess, ExternalAccount, ReadPermission'], false, 'All'),
  ];
}

function permissionRow(identity: string, user: string, sid: string, rights: string[], deny: boolean, inheritanceType: string): ExoObject {
  const row: ExoObject = {};
  setCollection(row, 'AccessRights', rights);
  row['Deny'] = deny;
  row['InheritanceType'] = inheritanceType;
  row['User'] = user;
  row['UserSid'] = sid;
  row['PrimarySmtpAddress'] = '';
  row['Identity'] = identity;
  row['IsInherited'] = false;
  row['IsValid'] = true;
  row['ObjectState'] = 'Unchanged';
  return row;
}

export function recipientPermissionRow(identity: string, trustee: string, sid: string, deny: boolean): ExoObject {
  const row: ExoObject = {};
  row['Identity'] = identity;
  row['Trustee'] = trustee;
  row['AccessControlType'] = deny ? 'Deny' : 'Allow';
  setCollection(row, 'AccessRights', ['SendAs']);
  row['IsInherited'] = false;
  row['InheritanceType'] = 'None';
  row['TrusteeSidString'] = sid;
  row['TrusteeWithPrimarySmtpAddress'] = '';
  row['IsValid'] = true;
  row['ObjectState'] = 'Unchanged';
  return row;
}
