import type { CmdletSpec } from '../cmdlet';
import { stringParam } from '../cmdlet';
import { exoSize, setDate, setGuid, setInt, type ExoObject } from '../envelope';
import { mailboxOrThrow } from '../resolve';

export const getMailboxStatistics: CmdletSpec = {
  name: 'Get-MailboxStatistics',
  parameters: ['Identity', 'Archive', 'IncludeSoftDeletedRecipients', 'IncludeMoveHistory', 'IncludeMoveReport'],
  mandatory: ['Identity'],
  run(ctx, params) {
    const mailbox = mailboxOrThrow(ctx, stringParam(params, 'Identity') as string);
    const row: ExoObject = {};
    row['DisplayName'] = mailbox.displayName;
    setGuid(row, 'MailboxGuid', mailbox.exchangeGuid);
    setInt(row, 'ItemCount', mailbox.itemCount);
    row['TotalItemSize'] = exoSize(mailbox.sizeBytes);
    setInt(row, 'DeletedItemCount', 0);
    row['TotalDeletedItemSize'] = exoSize(0);
    row['MailboxTypeDetail'] = mailbox.type === 'shared' ? 'SharedMailbox' : 'UserMailbox';
    setDate(row, 'LastLogonTime', null);
    setDate(row, 'LastUserActionTime', null);
    row['Identity'] = mailbox.id;
    row['IsValid'] = true;
    return { rows: [row], warnings: [] };
  },
};
