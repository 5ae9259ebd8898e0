import assert from 'node:assert/strict';
import { auditHash, sealAuditEntry, verifyChain } from '../../../src/domain/audit-chain';
import type { AuditEntry } from '../../../src/domain/change-request';

const dana = { kind: 'user' as const, id: 'u-dana', displayName: 'Dana', address: 'dana@contoso.com' };

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = { id: `a${i}`, at: `2026-11-0${i + 1}T10:00:00.000Z`, mailboxId: 'mb', mailboxAddress: 'info@contoso.com', actor: dana, action: `step ${i}`, detail: 'd', outcome: 'ok' as const };
    entries.push(sealAuditEntry(base, entries[i - 1]?.hash ?? ''));
  }
  return entries;
}

describe('audit chain', () => {
  it('verifies every entry when nothing was touched, whatever order the entries come in', () => {
    const entries = chain(4);
    assert.deepEqual(verifyChain([...entries].reverse()), { checked: 4, unchained: 0 });
  });

  it('reports the edited entry as the first broken link when its content changes', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, detail: 'rewritten' };
    const check = verifyChain(entries);
    assert.equal(check.broken?.entryId, 'a1');
    assert.match(check.broken?.reason ?? '', /edited/);
    assert.equal(check.checked, 1);
  });

  it('reports the next entry when an edited entry was given a fresh hash', () => {
    const entries = chain(3);
    const forged = { ...entries[1]!, detail: 'rewritten' };
    entries[1] = { ...forged, hash: auditHash(forged) };
    assert.equal(verifyChain(entries).broken?.entryId, 'a2');
  });

  it('reports the entry after a gap when an entry was removed', () => {
    const entries = chain(4);
    const check = verifyChain([entries[0]!, entries[2]!, entries[3]!]);
    assert.equal(check.broken?.entryId, 'a2');
    assert.match(check.broken?.reason ?? '', /removed/);
  });

  it('reports a fork when two entries follow the same one', () => {
    const entries = chain(2);
    const rival = sealAuditEntry({ ...entries[1]!, id: 'rival', action: 'other' }, entries[0]!.hash!);
    assert.match(verifyChain([...entries, rival]).broken?.reason ?? '', /same place/);
  });

  it('counts entries from before the chain without failing them', () => {
    const legacy: AuditEntry = { id: 'old', at: '2026-01-01T00:00:00.000Z', mailboxId: 'mb', mailboxAddress: 'info@contoso.com', actor: dana, action: 'x', detail: '', outcome: 'ok' };
    assert.deepEqual(verifyChain([legacy, ...chain(2)]), { checked: 2, unchained: 1 });
  });
});
