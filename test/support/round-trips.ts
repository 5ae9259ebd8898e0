/** A call the simulator journalled, as much of it as counting round trips needs. */
export interface JournalledCall {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly cmdlet?: string;
}

/**
 * Groups journal entries into sequential round trips: with a fixed latency per call, calls sent together
 * land within a few milliseconds, and a call that waited for another lands at least one latency later.
 */
export function roundTrips<T extends JournalledCall>(entries: readonly T[], latencyMs: number): T[][] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const result: T[][] = [];
  let start = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    const at = Date.parse(entry.time);
    if (at - start >= latencyMs * 0.6) {
      result.push([]);
      start = at;
    }
    result[result.length - 1]!.push(entry);
  }
  return result;
}

/** One line per round trip naming its calls, for failure messages. */
export function describeRoundTrips(trips: readonly (readonly JournalledCall[])[]): string {
  return trips.map((trip, i) => `${i + 1}: ${trip.map((e) => e.cmdlet ?? `${e.method} ${e.path}`).join(', ')}`).join('\n');
}
