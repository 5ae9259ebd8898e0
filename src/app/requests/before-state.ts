import type { Deps } from '../deps';
import type { BeforeState, Change } from '../../domain/change-request';
import { directRights } from '../../domain/request-plan';

/**
 * What an access change is about to touch: the trustee's direct rights and recorded automapping.
 * Undefined for other changes, or when Exchange cannot be read (the change itself then fails and retries).
 */
export async function readBeforeState(deps: Deps, change: Change): Promise<BeforeState | undefined> {
  if (change.kind !== 'grant' && change.kind !== 'revoke') return undefined;
  try {
    const [access, automapping] = await Promise.all([
      deps.exchange.readAccess(change.mailbox.address),
      deps.store.automappingOf(change.mailbox.id),
    ]);
    if (!access) return undefined;
    const recorded = automapping.get(change.trustee.id);
    return { rights: directRights(access.grants, change.trustee), ...(recorded === undefined ? {} : { automapping: recorded }) };
  } catch (error) {
    deps.log.warn('could not read the state before a change', { mailbox: change.mailbox.address, error });
    return undefined;
  }
}
