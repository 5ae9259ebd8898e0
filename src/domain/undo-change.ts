import type { Change, ChangeRequest } from './change-request';
import { normaliseRights } from './rights-text';

/**
 * The change that puts back what a carried-out request changed: exactly the rights it added or removed
 * (rights the trustee already had, or never had, are left alone) and, for a restored Full Access, the
 * automapping as it was. A string says why there is nothing to undo.
 */
export function undoChange(request: ChangeRequest): Change | string {
  const change = request.change;
  if (change.kind !== 'grant' && change.kind !== 'revoke') {
    return 'Undo covers access changes (grants and removals); ask for the earlier setting as a new request.';
  }
  const before = request.result?.before ?? request.execution?.before;
  const held = before?.rights ?? (change.kind === 'grant' ? [] : change.rights);
  const changed = normaliseRights(change.rights.filter((right) => (change.kind === 'grant' ? !held.includes(right) : held.includes(right))));
  if (changed.length === 0) {
    return change.kind === 'grant'
      ? `${change.trustee.displayName} already had those rights before, so the request changed nothing to undo.`
      : `${change.trustee.displayName} did not hold those rights before, so the request changed nothing to undo.`;
  }
  const target = { mailbox: change.mailbox, trustee: change.trustee, rights: changed };
  return change.kind === 'grant'
    ? { kind: 'revoke', ...target }
    : { kind: 'grant', ...target, automapping: before?.automapping ?? true };
}
