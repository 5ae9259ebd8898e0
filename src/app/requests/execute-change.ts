import type { Deps } from '../deps';
import type { ExchangeOperation } from '../../ports';
import type { Change } from '../../domain/change-request';
import { directRights } from '../../domain/request-plan';
import { operationsFor } from '../../domain/request-operations';
import { rightLabel } from '../../domain/rights-text';
import { isSettingChange } from '../../domain/setting-change';
import { executeSetting } from './execute-setting';

type AccessChange = Extract<Change, { kind: 'grant' | 'revoke' }>;

/** What ran so far; kept by the caller so a failure can still say which calls went through. */
export interface ExecutionLog {
  readonly steps: string[];
  readonly warnings: string[];
}

/** Keeps the log after each Exchange call (renewing the claim); false when the claim was lost, which stops the run. */
export type Checkpoint = (log: ExecutionLog) => Promise<boolean>;

/**
 * Runs a change's Exchange calls in order, reads the mailbox back to confirm, and records the
 * automapping the bot set. Calls already in the log (an earlier attempt's) are not made again; every
 * call is idempotent, so the one cut short by a crash is safely made again. False when stopped.
 */
export async function executeChange(deps: Deps, change: Change, log: ExecutionLog, checkpoint: Checkpoint = async () => true): Promise<boolean> {
  if (isSettingChange(change)) {
    await executeSetting(deps, change, log);
    return true;
  }
  for (const operation of (operationsFor(change) satisfies readonly ExchangeOperation[]).slice(log.steps.length)) {
    const result = await deps.exchange.apply(operation);
    log.steps.push(result.ran);
    log.warnings.push(...result.warnings);
    if (!(await checkpoint(log))) return false;
  }
  log.warnings.push(...(await unconfirmed(deps, change)));
  if (change.trustee.kind !== 'user' || !change.rights.includes('full-access')) return true;
  if (change.kind === 'grant') {
    await deps.store.recordAutomapping(change.mailbox.id, change.trustee.id, change.automapping);
  } else {
    await deps.store.forgetAutomapping(change.mailbox.id, change.trustee.id);
  }
  return true;
}

/** Exchange can lag behind its own answers; a right not yet visible is worth a warning, not a failure. */
async function unconfirmed(deps: Deps, change: AccessChange): Promise<readonly string[]> {
  const access = await deps.exchange.readAccess(change.mailbox.address);
  if (!access) return [`${change.mailbox.displayName} could not be read back after the change.`];
  const held = directRights(access.grants, change.trustee);
  const missing = change.rights.filter((r) => (change.kind === 'grant' ? !held.includes(r) : held.includes(r)));
  return missing.map((right) =>
    change.kind === 'grant'
      ? `Exchange does not show ${rightLabel(right)} for ${change.trustee.displayName} yet; it can take a few minutes.`
      : `Exchange still shows ${rightLabel(right)} for ${change.trustee.displayName}; it can take a few minutes.`,
  );
}
