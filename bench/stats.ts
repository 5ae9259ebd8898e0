export interface JournalEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly cmdlet?: string;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const p50 = (samples: readonly number[]) => percentile(samples, 50);
export const p99 = (samples: readonly number[]) => percentile(samples, 99);

/**
 * Calls grouped into the sequential round trips seen by the simulator. A call that waited for another reaches
 * it at least one latency after the last entry of the call it waited for; entries of one `$batch` are journaled
 * one after the other as they are served, a few milliseconds apart. So a gap of 0.6 × latency since the previous
 * entry starts a new round trip (gaps since the first entry would split a slow batch in two).
 */
export function phases(entries: readonly JournalEntry[], latencyMs: number): JournalEntry[][] {
  const sorted = entries
    .filter((entry) => !entry.path.includes('/oauth2/') && !entry.path.includes('/.well-known/'))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const result: JournalEntry[][] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    const at = Date.parse(entry.time);
    if (at - previous >= latencyMs * 0.6) result.push([]);
    previous = at;
    result[result.length - 1]!.push(entry);
  }
  return result;
}

export const describePhases = (list: readonly JournalEntry[][]) =>
  list.map((phase, i) => `  ${i + 1}: ${phase.map((e) => e.cmdlet ?? `${e.method} ${e.path.replace(/^\/v1\.0/, '')}`).join(', ')}`).join('\n');

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export interface Interval {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

/** The longest chain of calls each sent only after the previous one was answered: the critical path. */
export function criticalPath(calls: readonly Interval[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    const before = sorted.slice(0, i).flatMap((other, j) => (other.end <= call.start ? [depth[j]!] : []));
    depth.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depth);
}
