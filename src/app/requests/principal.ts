import type { Actor } from '../actor';
import type { Deps } from '../deps';
import type { MailboxRef, PrincipalRef } from '../../domain/change-request';
import type { Mailbox } from '../../domain/mailbox';

/** The actor as a request records them; the directory's name and UPN when it knows them. */
export async function principalOf(deps: Deps, actor: Actor): Promise<PrincipalRef> {
  const person = await deps.directory.getPerson(actor.id);
  return person
    ? { kind: 'user', id: person.id, displayName: person.displayName, address: person.userPrincipalName }
    : { kind: 'user', id: actor.id, displayName: actor.name, address: actor.id };
}

export function mailboxRef(mailbox: Mailbox): MailboxRef {
  return { id: mailbox.id, displayName: mailbox.displayName, address: mailbox.address };
}
