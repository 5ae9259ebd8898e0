import type { Actor } from '../actor';
import type { CommandOf } from '../../commands/command';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import type { Forwarding } from '../../domain/access-report';
import { forwardingOf } from '../../domain/forwarding';
import { isAdmin } from '../roles';
import { currentMailbox } from './file-setting';

/** "mailbox info@": the settings card, for anyone; reads only. */
export async function mailboxSettings(deps: Deps, actor: Actor, command: CommandOf<'mailbox-settings'>): Promise<Outcome> {
  const mailbox = await currentMailbox(deps, command.mailbox);
  const [sizeBytes, signInEnabled, autoReply, canAdminister] = await Promise.all([
    deps.exchange.mailboxSize(mailbox.address),
    deps.directory.accountEnabled(mailbox.id),
    deps.directory.automaticReplies(mailbox.id),
    isAdmin(deps, actor.id),
  ]);
  const forwarding = await named(deps, forwardingOf(mailbox, deps.policy.internalDomains));
  return {
    kind: 'mailbox-settings',
    canAdminister,
    settings: {
      mailbox,
      ...(sizeBytes === undefined ? {} : { sizeBytes }),
      ...(forwarding ? { forwarding } : {}),
      ...(signInEnabled === undefined ? {} : { signInEnabled }),
      ...(autoReply ? { autoReply } : {}),
    },
  };
}

/** Exchange names an internal forwarding recipient by its object id: the card shows who that is. */
async function named(deps: Deps, forwarding: Forwarding | undefined): Promise<Forwarding | undefined> {
  if (!forwarding || forwarding.external || forwarding.address.includes('@')) return forwarding;
  const trustee = (await deps.directory.resolveTrustees([forwarding.address])).get(forwarding.address);
  if (trustee?.kind === 'user') return { ...forwarding, address: `${trustee.user.displayName} (${trustee.user.userPrincipalName})` };
  if (trustee?.kind === 'group') return { ...forwarding, address: trustee.group.displayName };
  return forwarding;
}
