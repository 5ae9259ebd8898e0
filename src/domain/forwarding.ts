import type { Forwarding } from './access-report';
import type { Mailbox } from './mailbox';
import { domainOf } from './addresses';

/**
 * Where the mailbox forwards mail, if anywhere. Exchange ignores ForwardingSmtpAddress when
 * ForwardingAddress is also set, so the internal recipient wins.
 */
export function forwardingOf(mailbox: Mailbox, internalDomains: readonly string[]): Forwarding | undefined {
  const target = mailbox.forwardingAddress?.trim() || stripSmtp(mailbox.forwardingSmtpAddress);
  if (!target) return undefined;
  return {
    address: target,
    external: isExternal(target, mailbox, internalDomains),
    keepsCopy: mailbox.deliverToMailboxAndForward,
  };
}

function stripSmtp(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  return trimmed ? trimmed.replace(/^smtp:/i, '') : undefined;
}

/** A recipient named without a domain (a GUID or alias) is a directory object, hence internal. */
function isExternal(target: string, mailbox: Mailbox, internalDomains: readonly string[]): boolean {
  const domain = domainOf(target);
  if (domain === undefined) return false;
  const internal = new Set([...internalDomains, domainOf(mailbox.address) ?? ''].map((d) => d.toLowerCase()));
  return !internal.has(domain);
}
