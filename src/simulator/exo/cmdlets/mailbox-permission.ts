import { resolvePrincipal } from '../../directory';
import { key } from '../../state';
import type { CmdletSpec } from '../cmdlet';
import { boolParam, stringParam } from '../cmdlet';
import { exoErrors } from '../errors';
import { mailboxPermissionRow, selfPermissionRows, trusteeLabel } from '../present';
import { mailboxOrThrow, removeAce, touch, trusteeIdOrThrow } from '../resolve';

const MAILBOX_RIGHTS = { typeName: 'Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]',
  values: ['ChangeOwner', 'ChangePermission', 'DeleteItem', 'ExternalAccount', 'FullAccess', 'ReadPermission'] };
const INHERITANCE = { typeName: 'System.DirectoryServices.ActiveDirectorySecurityInheritance',
  values: ['None', 'All', 'Descendents', 'SelfAndChildren', 'Children'] };

export const getMailboxPermission: CmdletSpec = {
  name: 'Get-MailboxPermission',
  parameters: ['Identity', 'User', 'Owner', 'ResultSize', 'IncludeUnresolvedPermissions', 'SoftDeletedMailbox', 'GroupMailbox', 'IncludeSoftDeletedUserPermissions'],
  mandatory: ['Identity'],
  lists: true,
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const user = stringParam(params, 'User');
    let aces = mailbox.fullAccess;
    let rows = user === undefined ? selfPermissionRows(mailbox) : [];
    if (user !== undefined) {
      const trustee = trusteeIdOrThrow(ctx, user, aces.map((a) => a.trustee));
      aces = aces.filter((a) => key(a.trustee) === key(trustee));
    }
    rows = [...rows, ...aces.map((a) => mailboxPermissionRow(ctx, mailbox, a.trustee, a.deny, a.inheritanceType))];
    return { rows, warnings: [] };
  },
};

export const addMailboxPermission: CmdletSpec = {
  name: 'Add-MailboxPermission',
  parameters: ['Identity', 'User', 'AccessRights', 'AutoMapping', 'InheritanceType', 'Deny', 'Owner', 'GroupMailbox', 'IgnoreDefaultScope'],
  mandatory: ['Identity', 'User', 'AccessRights'],
  enums: { AccessRights: MAILBOX_RIGHTS, InheritanceType: INHERITANCE },
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const userText = stringParam(params, 'User') as string;
    const principal = resolvePrincipal(ctx.state, userText);
    if (!('found' in principal)) throw 'ambiguous' in principal ? exoErrors.ambiguous(userText) : exoErrors.principalNotFound(userText);
    const trustee = principal.found.kind === 'user' ? principal.found.user.id : principal.found.group.id;
    const deny = boolParam(params, 'Deny') ?? false;
    const inheritanceType = (params.get('InheritanceType') as string[] | undefined)?.[0] ?? 'All';
    const existing = mailbox.fullAccess.find((a) => key(a.trustee) === key(trustee) && a.deny === deny);
    if (existing) {
      return {
        rows: [mailboxPermissionRow(ctx, mailbox, trustee, deny, existing.inheritanceType)],
        warnings: [`The appropriate access control entry is already present on object "${mailbox.id}" for account "${trusteeLabel(ctx, trustee)}".`],
      };
    }
    const automapping = principal.found.kind === 'user' && !deny ? (boolParam(params, 'AutoMapping') ?? true) : false;
    mailbox.fullAccess.push({ trustee, deny, automapping, inheritanceType });
    touch(ctx, mailbox);
    return { rows: [mailboxPermissionRow(ctx, mailbox, trustee, deny, inheritanceType)], warnings: [] };
  },
};

export const removeMailboxPermission: CmdletSpec = {
  name: 'Remove-MailboxPermission',
  parameters: ['Identity', 'User', 'AccessRights', 'InheritanceType', 'Deny', 'ClearAutoMapping', 'ResetDefault', 'BypassMasterAccountSid',
    'GroupMailbox', 'IgnoreDefaultScope', 'SoftDeletedMailbox', 'Owner'],
  mandatory: ['Identity'],
  enums: { AccessRights: MAILBOX_RIGHTS, InheritanceType: INHERITANCE },
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    if (boolParam(params, 'ClearAutoMapping')) {
      for (const ace of mailbox.fullAccess) ace.automapping = false;
      return { rows: [], warnings: [] };
    }
    if (boolParam(params, 'ResetDefault')) {
      mailbox.fullAccess = [];
      touch(ctx, mailbox);
      return { rows: [], warnings: [] };
    }
    const userText = stringParam(params, 'User');
    if (userText === undefined || params.get('AccessRights') === undefined) throw exoErrors.missingParameters(['User', 'AccessRights'].filter((n) => params.get(n) === undefined));
    const trustee = trusteeIdOrThrow(ctx, userText, mailbox.fullAccess.map((a) => a.trustee));
    const missing = removeAce(ctx, mailbox, 'fullAccess', { trustee, deny: boolParam(params, 'Deny') ?? false, typed: userText });
    if (missing === undefined) return { rows: [], warnings: [] };
    return { rows: [], warnings: [`Can't remove the access control entry on the object "${mailbox.id}" for account "${missing}" because the ACE doesn't exist on the object.`] };
  },
};
