import type { Deps } from '../deps';
import { sealAuditEntry } from '../../domain/audit-chain';
import type { AuditEntry, ChangeRequest, MailboxRef, PrincipalRef } from '../../domain/change-request';
import type { Store } from '../../ports';
import { isConflict } from './load';
import { KeyedTurns } from '../../keyed-turns';

export interface AuditFact {
  readonly actor: PrincipalRef;
  readonly action: string;
  readonly detail: string;
  readonly outcome?: AuditEntry['outcome'];
  /** A fixed entry id makes the append idempotent: repeating it (a resumed step) adds nothing. */
  readonly id?: string;
}

/** Instances racing for one mailbox's chain; each loser reads the new head and links again. */
const MAX_CHAIN_ATTEMPTS = 10;
const CHAIN_BACKOFF_MS = 20;

/** Appends one entry about a mailbox (and the request, when there is one) to its hash-chained log. */
export async function recordAudit(deps: Deps, mailbox: MailboxRef, fact: AuditFact, request?: ChangeRequest): Promise<void> {
  const entry = {
    id: fact.id ?? deps.newId(),
    at: deps.clock.now().toISOString(),
    mailboxId: mailbox.id,
    mailboxAddress: mailbox.address,
    ...(request ? { requestId: request.id } : {}),
    actor: fact.actor,
    action: fact.action,
    detail: fact.detail,
    outcome: fact.outcome ?? 'ok',
  };
  await inTurn(deps.store, mailbox.id, async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await deps.store.appendAudit(sealAuditEntry(entry, await deps.store.auditHead(mailbox.id)));
        return;
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_CHAIN_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * CHAIN_BACKOFF_MS * attempt));
      }
    }
  });
}

/** Appends through one store take turns per mailbox, so only other instances can race for the chain head. */
const turns = new WeakMap<Store, KeyedTurns>();

function inTurn(store: Store, mailboxId: string, work: () => Promise<void>): Promise<void> {
  const perStore = turns.get(store) ?? new KeyedTurns();
  turns.set(store, perStore);
  return perStore.run(mailboxId, work);
}

/** Settles once every history entry this process started appending through `store` is written (or failed). */
export async function auditsIdle(store: Store): Promise<void> {
  await turns.get(store)?.idle();
}

export function auditRequest(deps: Deps, request: ChangeRequest, fact: AuditFact): Promise<void> {
  return recordAudit(deps, request.change.mailbox, fact, request);
}
