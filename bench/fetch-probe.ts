/**
 * Preloaded into the bot's process by the benchmarks: times every outbound fetch (Graph, Exchange, Bot Connector)
 * and hands the log to the parent on request, so round trips are counted from the bot's side of the wire.
 */
interface Interval {
  readonly url: string;
  readonly start: number;
  end: number;
}

const log: Interval[] = [];
const original = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const entry: Interval = { url, start: performance.now(), end: Number.NaN };
  log.push(entry);
  try {
    return await original(input, init);
  } finally {
    entry.end = performance.now();
  }
};

process.on('message', (message) => {
  if (message === 'fetch-log') process.send?.({ fetchLog: log.splice(0) });
});
