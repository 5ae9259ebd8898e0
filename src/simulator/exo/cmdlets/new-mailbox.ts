import type { SimContext } from '../../context';
import { allAddresses, defaultAutoReply, key, localPart, newObjectId, stableGuid } from '../../state';
import type { CmdletSpec } from '../cmdlet';
import { boolParam, stringParam } from '../cmdlet';
import { exoErrors } from '../errors';
import { presentMailbox } from '../present';

export const newMailbox: CmdletSpec = {
  name: 'New-Mailbox',
  parameters: ['Shared', 'Name', 'DisplayName', 'PrimarySmtpAddress', 'Alias', 'FirstName', 'LastName'],
  mandatory: ['Name'],
  run(ctx, params) {
    if (boolParam(params, 'Shared') !== true) throw exoErrors.parameterSet();
    const name = stringParam(params, 'Name') as string;
    const alias = stringParam(params, 'Alias') ?? localPart(stringParam(params, 'PrimarySmtpAddress') ?? name).replace(/[^A-Za-z0-9._-]/g, '');
    const address = stringParam(params, 'PrimarySmtpAddress') ?? `${alias}@${ctx.state.tenant.defaultDomain}`;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw exoErrors.invalidValue(`"${address}" isn't a valid SMTP address.`);
    const owner = addressOwner(ctx, address);
    if (owner) throw exoErrors.proxyInUse(address, owner);
    const id = newObjectId();
    const now = ctx.now().toISOString();
    const displayName = stringParam(params, 'DisplayName') ?? name;
    ctx.state.users.set(key(id), {
      id, displayName, userPrincipalName: address, mail: address, accountEnabled: true,
      givenName: null, surname: null, jobTitle: null,
    });
    const mailbox = {
      id, alias, displayName, primarySmtpAddress: address, secondaryAddresses: [], type: 'shared' as const,
      hiddenFromAddressLists: false, forwardingSmtpAddress: null, forwardingAddress: null, deliverToMailboxAndForward: false,
      messageCopyForSentAsEnabled: false, messageCopyForSendOnBehalfEnabled: false, fullAccess: [], sendAs: [], sendOnBehalf: [],
      sizeBytes: 0, itemCount: 0, exchangeGuid: stableGuid(`exchange:${id}`), whenCreated: now, whenChanged: now, autoReply: defaultAutoReply(),
    };
    ctx.state.mailboxes.set(key(id), mailbox);
    return { rows: [presentMailbox(ctx, mailbox)], warnings: [] };
  },
};

function addressOwner(ctx: SimContext, address: string): string | undefined {
  const wanted = address.toLowerCase();
  for (const mailbox of ctx.state.mailboxes.values()) {
    if (allAddresses(mailbox).some((a) => a.toLowerCase() === wanted)) return mailbox.id;
  }
  for (const user of ctx.state.users.values()) {
    if ([user.userPrincipalName, user.mail].some((a) => a?.toLowerCase() === wanted)) return user.id;
  }
  for (const group of ctx.state.groups.values()) {
    if (group.mail?.toLowerCase() === wanted) return group.id;
  }
  return undefined;
}
