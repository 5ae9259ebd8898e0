/**
 * Preloaded into each bot process by the load benchmark. For every activity it records how long the bot took
 * to answer and, of that, how long the turn was only waiting: on the simulated tenant (any of its calls in
 * flight) or on the outbound pacer (a deliberate delay toward Teams). The rest is the bot's own overhead.
 * Memory is reported on request. The parent asks over IPC: 'turns' (taken and cleared), 'memory'.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { MailboxAdapter } from '../src/bot/mailbox-adapter';
import { OutboundPacer } from '../src/bot/outbound-pacer';

interface Turn {
  readonly id: string;
  readonly start: number;
  end: number;
  /** [start, end] of every simulator call the turn made, merged when the turn reports. */
  readonly simulator: [number, number][];
  /** [start, end] of every wait for a sending slot toward Teams. */
  readonly pacer: [number, number][];
  /** Plain-HTTP calls (the Azure Table store; the Bot Connector is also plain HTTP here). */
  httpCalls: number;
  /** When the tenant last refused one of the turn's calls for load, until the turn calls it again. */
  refusedAt?: number;
}

export interface TurnRecord {
  readonly id: string;
  readonly totalMs: number;
  readonly simulatorMs: number;
  readonly pacerMs: number;
  /** Simulator and pacer waits together (they may overlap when a turn does two things at once). */
  readonly waitingMs: number;
  readonly httpCalls: number;
}

/** When the pacer let each send go (epoch ms, comparable across processes), and to which conversation. */
export interface Release {
  readonly conversationId: string;
  readonly at: number;
}

const current = new AsyncLocalStorage<Turn>();
const releases: Release[] = [];
const finished: Turn[] = [];
const simulatorUrl = process.env['EXCHANGE_BASE_URL'] ?? 'https://127.0.0.1';

const answer = MailboxAdapter.prototype.answer;
MailboxAdapter.prototype.answer = function (this: MailboxAdapter, ...args: Parameters<typeof answer>) {
  const id = String((args[0] as { id?: unknown } | undefined)?.id ?? '');
  const turn: Turn = { id, start: performance.now(), end: Number.NaN, simulator: [], pacer: [], httpCalls: 0 };
  return current.run(turn, async () => {
    try {
      return await answer.apply(this, args);
    } finally {
      turn.end = performance.now();
      finished.push(turn);
    }
  });
};

const take = OutboundPacer.prototype.take;
OutboundPacer.prototype.take = async function (this: OutboundPacer, conversationId: string | undefined) {
  const started = performance.now();
  try {
    const granted = await take.call(this, conversationId);
    if (conversationId !== undefined) releases.push({ conversationId, at: Date.now() });
    return granted;
  } finally {
    current.getStore()?.pacer.push([started, performance.now()]);
  }
};

const request = http.request;
http.request = function (this: unknown, ...args: unknown[]) {
  const turn = current.getStore();
  if (turn) turn.httpCalls += 1;
  return (request as (...a: unknown[]) => http.ClientRequest).apply(this, args);
} as typeof http.request;

const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const turn = url.startsWith(simulatorUrl) ? current.getStore() : undefined;
  const started = performance.now();
  // The pause a refusal asked for (Retry-After) is spent waiting on the tenant, as the call itself was, until
  // the turn calls it again (a call that went through beside it ends no pause).
  if (turn?.refusedAt !== undefined) {
    turn.simulator.push([turn.refusedAt, started]);
    turn.refusedAt = undefined;
  }
  let status = 0;
  try {
    const response = await originalFetch(input, init);
    status = response.status;
    return response;
  } finally {
    if (turn) {
      turn.simulator.push([started, performance.now()]);
      if (status === 429 || status === 503) turn.refusedAt = performance.now();
    }
  }
};

/** Time covered by at least one of the intervals, clipped to the turn. */
function covered(intervals: readonly [number, number][], from: number, to: number): number {
  const sorted = intervals.map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = from;
  for (const [a, b] of sorted) {
    if (b <= reach) continue;
    total += b - Math.max(a, reach);
    reach = b;
  }
  return total;
}

process.on('message', (message) => {
  if (message === 'turns') {
    const records: TurnRecord[] = finished.splice(0).map((turn) => ({
      id: turn.id,
      totalMs: turn.end - turn.start,
      simulatorMs: covered(turn.simulator, turn.start, turn.end),
      pacerMs: covered(turn.pacer, turn.start, turn.end),
      waitingMs: covered([...turn.simulator, ...turn.pacer], turn.start, turn.end),
      httpCalls: turn.httpCalls,
    }));
    process.send?.({ turns: records });
  }
  if (message === 'releases') process.send?.({ releases: releases.splice(0) });
  if (message === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ memory: { rss, heapUsed, cpuMs: (user + system) / 1000 } });
  }
});
