import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { resolvePrincipal } from '../resolve';
import { requireAdmin } from '../requests/owners';
import { parseNameQuery } from '../../domain/addresses';
import { AppError } from '../../domain/errors';
import { newMailboxId } from '../../domain/setting-change';
import { alreadySo, currentMailbox, fileSetting, mailboxRef } from './file-setting';

const MAX_NAME = 64;
const MAX_MEMBERS = 20;

/** "create shared mailbox "Support" support@contoso.com with bob, anna": admins only, the address must be free. */
export async function requestCreateMailbox(deps: Deps, actor: Actor, command: CommandOf<'request-create-mailbox'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'create shared mailboxes');
  const displayName = command.name.trim();
  if (displayName === '' || displayName.length > MAX_NAME || /[<>"]/.test(displayName)) {
    throw new AppError('invalid', `Give the mailbox a plain name of at most ${MAX_NAME} characters, in quotes: "Support".`);
  }
  const query = parseNameQuery(command.address, deps.policy.tenantDomain);
  if (query.kind === 'name') throw new AppError('invalid', `"${command.address}" is not an email address, like support@${deps.policy.tenantDomain}.`);
  const address = query.address;
  const domain = address.split('@')[1] ?? '';
  if (![deps.policy.tenantDomain, ...deps.policy.internalDomains].some((d) => d.toLowerCase() === domain)) {
    throw new AppError('invalid', `${domain} is not one of the organisation's domains: use an address like support@${deps.policy.tenantDomain}.`);
  }
  if (command.members.length > MAX_MEMBERS) throw new AppError('invalid', `Name at most ${MAX_MEMBERS} members; add more later.`);
  await requireFree(deps, address);
  const members = await Promise.all(command.members.map((m) => resolvePrincipal(deps, m, { allowGroups: true })));
  const unique = members.filter((m, i) => members.findIndex((o) => o.id === m.id) === i);
  const mailbox = { id: newMailboxId(address), displayName, address };
  return fileSetting(deps, actor, { kind: 'create-mailbox', mailbox, members: unique });
}

async function requireFree(deps: Deps, address: string): Promise<void> {
  const [mailboxes, people, groups] = await Promise.all([
    deps.exchange.findMailboxes(address),
    deps.directory.findPeople(address),
    deps.directory.findGroups(address),
  ]);
  const owner = mailboxes[0]?.displayName ?? people[0]?.displayName ?? groups[0]?.displayName;
  if (owner !== undefined) {
    throw new AppError('invalid', `The address ${address} is already used by ${owner}: choose another one.`);
  }
}

/** "convert anna@ to shared": admins only; says what happens to the licence and the 50 GB limit. */
export async function requestConvert(deps: Deps, actor: Actor, command: CommandOf<'request-convert'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'convert mailboxes');
  const mailbox = await currentMailbox(deps, command.mailbox);
  if (mailbox.kind === 'shared') alreadySo(`${mailbox.displayName} is already a shared mailbox`);
  if (mailbox.kind !== 'user') throw new AppError('invalid', `${mailbox.displayName} is a ${mailbox.kind} mailbox; only user mailboxes convert to shared.`);
  const sizeBytes = await deps.exchange.mailboxSize(mailbox.address);
  return fileSetting(deps, actor, { kind: 'convert-to-shared', mailbox: mailboxRef(mailbox) }, sizeBytes === undefined ? {} : { sizeBytes });
}
