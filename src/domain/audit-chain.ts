import { createHash } from 'node:crypto';
import type { AuditEntry } from './change-request';

/** The previous hash of a mailbox's first chained entry. */
export const CHAIN_START = '';

/** The hash over every field of the entry but its own hash, in a fixed order so storage cannot reorder it. */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    entry.id,
    entry.at,
    entry.mailboxId,
    entry.mailboxAddress,
    entry.requestId ?? null,
    entry.actor.kind,
    entry.actor.id,
    entry.actor.displayName,
    entry.actor.address,
    entry.action,
    entry.detail,
    entry.outcome,
    entry.prevHash ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The entry linked after `prevHash`, with its own hash. */
export function sealAuditEntry(entry: Omit<AuditEntry, 'hash' | 'prevHash'>, prevHash: string): AuditEntry {
  const linked = { ...entry, prevHash };
  return { ...linked, hash: auditHash(linked) };
}

export interface BrokenLink {
  readonly entryId: string;
  readonly at: string;
  readonly reason: string;
}

export interface ChainCheck {
  /** Chained entries whose hash and link were checked. */
  readonly checked: number;
  /** Entries written before the chain existed; they carry no hash. */
  readonly unchained: number;
  readonly broken?: BrokenLink;
}

/**
 * Follows one mailbox's chain from its start, link by link, recomputing each hash. The entries may
 * come in any order: the links, not the storage order, say which follows which.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainCheck {
  const chained = entries.filter((e) => e.hash !== undefined);
  const unchained = entries.length - chained.length;
  const byPrevious = new Map<string, AuditEntry[]>();
  for (const entry of chained) {
    const previous = entry.prevHash ?? CHAIN_START;
    byPrevious.set(previous, [...(byPrevious.get(previous) ?? []), entry]);
  }
  const visited = new Set<AuditEntry>();
  const brokenAt = (entry: AuditEntry, reason: string): ChainCheck => ({
    checked: visited.size,
    unchained,
    broken: { entryId: entry.id, at: entry.at, reason },
  });
  let link = CHAIN_START;
  for (let next = byPrevious.get(link) ?? []; next.length > 0; next = byPrevious.get(link) ?? []) {
    if (next.length > 1) return brokenAt(next[1]!, 'two entries claim the same place in the chain');
    const entry = next[0]!;
    if (auditHash(entry) !== entry.hash) return brokenAt(entry, 'its content no longer matches its hash: it was edited');
    if (visited.has(entry)) return brokenAt(entry, 'the chain loops back on itself');
    visited.add(entry);
    link = entry.hash!;
  }
  const stray = chained.filter((e) => !visited.has(e)).sort((a, b) => a.at.localeCompare(b.at))[0];
  if (stray) return brokenAt(stray, 'it does not link to the entry before it: an entry was removed or its link was changed');
  return { checked: visited.size, unchained };
}
