import { key, sidFor, type MailboxState } from '../../state';
import type { SimContext } from '../../context';
import type { CmdletSpec } from '../cmdlet';
import { boolParam, stringParam } from '../cmdlet';
import type { ExoObject } from '../envelope';
import { recipientPermissionRow, SELF, SELF_SID, trusteeLabel } from '../present';
import { mailboxOrThrow, principalOrThrow, removeAce, touch, trusteeIdOrThrow } from '../resolve';

const RECIPIENT_RIGHTS = { typeName: 'Microsoft.Exchange.Management.PowerShell.RecipientAccessRight[]', values: ['SendAs'] };

function rowsFor(ctx: SimContext, mailbox: MailboxState, trustee?: string): ExoObject[] {
  const aces = mailbox.sendAs.filter((a) => trustee === undefined || key(a.trustee) === key(trustee));
  const self = trustee === undefined ? [recipientPermissionRow(mailbox.id, SELF, SELF_SID, false)] : [];
  return [...self, ...aces.map((a) => recipientPermissionRow(mailbox.id, trusteeLabel(ctx, a.trustee), sidFor(a.trustee), a.deny))];
}

export const getRecipientPermission: CmdletSpec = {
  name: 'Get-RecipientPermission',
  parameters: ['Identity', 'Trustee', 'AccessRights', 'ResultSize', 'ReadFromDomainController'],
  enums: { AccessRights: RECIPIENT_RIGHTS },
  lists: true,
  run(ctx, params) {
    const identity = stringParam(params, 'Identity');
    const trusteeText = stringParam(params, 'Trustee');
    const mailboxes = identity !== undefined ? [mailboxOrThrow(ctx, identity)] : [...ctx.state.mailboxes.values()];
    const trustee = trusteeText === undefined ? undefined
      : trusteeIdOrThrow(ctx, trusteeText, mailboxes.flatMap((mailbox) => mailbox.sendAs.map((a) => a.trustee)));
    const rows = mailboxes.flatMap((mailbox) => rowsFor(ctx, mailbox, trustee));
    return { rows, warnings: [] };
  },
};

export const addRecipientPermission: CmdletSpec = {
  name: 'Add-RecipientPermission',
  parameters: ['Identity', 'Trustee', 'AccessRights', 'Deny'],
  mandatory: ['Identity', 'Trustee', 'AccessRights'],
  enums: { AccessRights: RECIPIENT_RIGHTS },
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const principal = principalOrThrow(ctx, stringParam(params, 'Trustee') as string);
    const trustee = principal.kind === 'user' ? principal.user.id : principal.group.id;
    const deny = boolParam(params, 'Deny') ?? false;
    const row = recipientPermissionRow(mailbox.id, trusteeLabel(ctx, trustee), sidFor(trustee), deny);
    if (mailbox.sendAs.some((a) => key(a.trustee) === key(trustee) && a.deny === deny)) {
      return { rows: [row], warnings: [`The appropriate access control entry is already present on object "${mailbox.id}" for account "${trusteeLabel(ctx, trustee)}".`] };
    }
    mailbox.sendAs.push({ trustee, deny });
    touch(ctx, mailbox);
    return { rows: [row], warnings: [] };
  },
};

export const removeRecipientPermission: CmdletSpec = {
  name: 'Remove-RecipientPermission',
  parameters: ['Identity', 'Trustee', 'AccessRights', 'Deny', 'SkipDomainValidationForMailContact', 'SkipDomainValidationForMailUser', 'SkipDomainValidationForSharedMailbox'],
  mandatory: ['Identity', 'Trustee', 'AccessRights'],
  enums: { AccessRights: RECIPIENT_RIGHTS },
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const trusteeText = stringParam(params, 'Trustee') as string;
    const trustee = trusteeIdOrThrow(ctx, trusteeText, mailbox.sendAs.map((a) => a.trustee));
    const missing = removeAce(ctx, mailbox, 'sendAs', { trustee, deny: boolParam(params, 'Deny') ?? false, typed: trusteeText });
    if (missing === undefined) return { rows: [], warnings: [] };
    return { rows: [], warnings: [`Can't remove the access control entry on the object "${mailbox.id}" for account "${missing}" because the ACE isn't present on the object.`] };
  },
};
