import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { resolvePrincipal } from '../resolve';
import { requireAdmin } from '../requests/owners';
import { parseNameQuery, sameText } from '../../domain/addresses';
import { AppError } from '../../domain/errors';
import { forwardingOf } from '../../domain/forwarding';
import { directRights } from '../../domain/request-plan';
import { MAX_REPLY, type AutoReplySetting } from '../../domain/setting-change';
import { alreadySo, currentMailbox, fileSetting, mailboxRef } from './file-setting';

export async function requestAutomap(deps: Deps, actor: Actor, command: CommandOf<'request-automap'>): Promise<Outcome> {
  const [mailbox, trustee] = await Promise.all([
    currentMailbox(deps, command.mailbox),
    resolvePrincipal(deps, command.person, { allowGroups: true }),
  ]);
  if (trustee.kind === 'group') {
    throw new AppError('invalid', `${trustee.displayName} is a group: Outlook never automaps mailboxes for group members, so there is nothing to turn ${command.automapping ? 'on' : 'off'}.`);
  }
  const access = await deps.exchange.readAccess(mailbox.address);
  if (!access || !directRights(access.grants, trustee).includes('full-access')) {
    throw new AppError('invalid', `${trustee.displayName} has no Full Access of their own on ${mailbox.displayName}, so automapping does not apply. Ask for access first: add ${trustee.address} to ${mailbox.address}.`);
  }
  const change = { kind: 'automap', mailbox: mailboxRef(mailbox), trustee, automapping: command.automapping } as const;
  return fileSetting(deps, actor, change);
}

export async function requestForwarding(deps: Deps, actor: Actor, command: CommandOf<'request-forwarding'>): Promise<Outcome> {
  const mailbox = await currentMailbox(deps, command.mailbox);
  const current = forwardingOf(mailbox, deps.policy.internalDomains);
  if (command.to === undefined) {
    if (!current) alreadySo(`${mailbox.displayName} does not forward mail`);
    return fileSetting(deps, actor, { kind: 'forwarding', mailbox: mailboxRef(mailbox) });
  }
  const query = parseNameQuery(command.to, deps.policy.tenantDomain);
  if (query.kind === 'name') throw new AppError('invalid', `"${command.to}" is not an email address. Forward to an address like anna@contoso.com.`);
  const address = query.address;
  if (sameText(address, mailbox.address)) throw new AppError('invalid', `${mailbox.displayName} can't forward to itself.`);
  const domain = address.split('@')[1] ?? '';
  const internal = [...deps.policy.internalDomains, deps.policy.tenantDomain].some((d) => sameText(d, domain));
  if (internal && !(await internalRecipientExists(deps, address))) {
    throw new AppError('not-found', `Nobody in the organisation has the address ${address}. Check the spelling.`);
  }
  const forward = { address, external: !internal, keepCopy: command.keepCopy };
  if (current && sameText(current.address, address) && current.keepsCopy === command.keepCopy) {
    alreadySo(`${mailbox.displayName} already forwards to ${address}`);
  }
  return fileSetting(deps, actor, { kind: 'forwarding', mailbox: mailboxRef(mailbox), forward });
}

async function internalRecipientExists(deps: Deps, address: string): Promise<boolean> {
  const [people, mailboxes] = await Promise.all([deps.directory.findPeople(address), deps.exchange.findMailboxes(address)]);
  return people.length > 0 || mailboxes.length > 0;
}

export async function requestSentItems(deps: Deps, actor: Actor, command: CommandOf<'request-sent-items'>): Promise<Outcome> {
  const mailbox = await currentMailbox(deps, command.mailbox);
  if (mailbox.messageCopyForSentAsEnabled === command.enabled && mailbox.messageCopyForSendOnBehalfEnabled === command.enabled) {
    alreadySo(`Sent Items copies are already ${command.enabled ? 'on' : 'off'} for ${mailbox.displayName}`);
  }
  return fileSetting(deps, actor, { kind: 'sent-items', mailbox: mailboxRef(mailbox), enabled: command.enabled });
}

export async function requestAutoReply(deps: Deps, actor: Actor, command: CommandOf<'request-auto-reply'>): Promise<Outcome> {
  const mailbox = await currentMailbox(deps, command.mailbox);
  const now = deps.clock.now();
  let reply: AutoReplySetting;
  if (command.message === undefined) {
    const current = await deps.directory.automaticReplies(mailbox.id);
    if (!current || current.status === 'disabled') alreadySo(`Automatic replies are already off for ${mailbox.displayName}`);
    reply = { status: 'disabled', message: '' };
  } else {
    const message = command.message.trim();
    if (message === '' || /[<>]/.test(message) || message.length > MAX_REPLY) {
      throw new AppError('invalid', `Write the automatic reply as plain text of at most ${MAX_REPLY} characters.`);
    }
    const end = command.until === undefined ? undefined : Date.parse(`${command.until}T23:59:59Z`);
    if (end !== undefined && (Number.isNaN(end) || end <= now.getTime())) {
      throw new AppError('invalid', `${command.until} has already passed: pick a later date.`);
    }
    reply = end === undefined
      ? { status: 'alwaysEnabled', message }
      : { status: 'scheduled', message, start: now.toISOString(), end: new Date(end).toISOString() };
  }
  return fileSetting(deps, actor, { kind: 'auto-reply', mailbox: mailboxRef(mailbox), reply });
}

export async function requestAddressLists(deps: Deps, actor: Actor, command: CommandOf<'request-address-lists'>): Promise<Outcome> {
  await requireAdmin(deps, actor, `${command.hidden ? 'hide' : 'show'} mailboxes in the address lists`);
  const mailbox = await currentMailbox(deps, command.mailbox);
  if (mailbox.hiddenFromAddressLists === command.hidden) {
    alreadySo(`${mailbox.displayName} is already ${command.hidden ? 'hidden from' : 'shown in'} the address lists`);
  }
  return fileSetting(deps, actor, { kind: 'address-lists', mailbox: mailboxRef(mailbox), hidden: command.hidden });
}

export async function requestBlockSignIn(deps: Deps, actor: Actor, command: CommandOf<'request-block-sign-in'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'block sign-in');
  const mailbox = await currentMailbox(deps, command.mailbox);
  if ((await deps.directory.accountEnabled(mailbox.id)) === false) alreadySo(`Sign-in is already blocked for ${mailbox.displayName}`);
  return fileSetting(deps, actor, { kind: 'block-sign-in', mailbox: mailboxRef(mailbox) });
}
