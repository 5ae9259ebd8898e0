import type { Deps } from '../deps';
import type { AuditEntry, ChangeRequest, MailboxRef, PrincipalRef } from '../../domain/change-request';

export interface AuditFact {
  readonly actor: PrincipalRef;
  readonly action: string;
  readonly detail: string;
  readonly outcome?: AuditEntry['outcome'];
}

/** Appends one entry about a mailbox (and the request, when there is one) to the append-only log. */
export async function recordAudit(deps: Deps, mailbox: MailboxRef, fact: AuditFact, request?: ChangeRequest): Promise<void> {
  await deps.store.appendAudit({
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    mailboxId: mailbox.id,
    mailboxAddress: mailbox.address,
    ...(request ? { requestId: request.id } : {}),
    actor: fact.actor,
    action: fact.action,
    detail: fact.detail,
    outcome: fact.outcome ?? 'ok',
  });
}

export function auditRequest(deps: Deps, request: ChangeRequest, fact: AuditFact): Promise<void> {
  return recordAudit(deps, request.change.mailbox, fact, request);
}
