import { once } from 'node:events';
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How a request goes wrong: answered with a status before reaching the service (`429` with Retry-After),
 * the connection dropped or left hanging unanswered, or - ambiguous - carried out by the service and then
 * answered 503 or dropped, so the client cannot tell it landed.
 */
export type Fault = 408 | 429 | 500 | 503 | 'drop' | 'stall' | 'forward-then-503' | 'forward-then-drop';

export interface FaultPlan {
  /** Share of requests (0–1) that meet a fault. */
  readonly share: number;
  /** The faults to choose from, evenly. */
  readonly faults: readonly Fault[];
  /** Seconds in the Retry-After of 429 answers; none when undefined. */
  readonly retryAfterSeconds?: number;
  /** Seed for the choice, so a run is repeatable. */
  readonly seed?: number;
}

export interface FaultyProxy {
  /** `target`'s connection string with the table endpoint pointed at the proxy. */
  readonly connectionString: string;
  /** Faults met so far, by kind. */
  readonly injected: Map<Fault, number>;
  /** Requests that reached the service. */
  forwarded: number;
  plan(faults: FaultPlan): void;
  /** The next request with this method (any when omitted) meets `fault`, before any plan applies. */
  failNext(fault: Fault, method?: string): void;
  close(): Promise<void>;
}

/** A real HTTP server in front of a table endpoint that answers a configurable share of requests badly. */
export async function startFaultyProxy(targetConnectionString: string): Promise<FaultyProxy> {
  const target = new URL(/TableEndpoint=([^;]+)/.exec(targetConnectionString)![1]!);
  const sockets = new Set<Socket>();
  let current: FaultPlan = { share: 0, faults: [] };
  let random = seeded(1);
  const queued: { fault: Fault; method: string | undefined }[] = [];

  function faultFor(method: string | undefined): Fault | undefined {
    const next = queued[0];
    if (next !== undefined && (next.method === undefined || next.method === method)) return queued.shift()!.fault;
    return random() < current.share ? current.faults[Math.floor(random() * current.faults.length)] : undefined;
  }

  const server = createServer((req, res) => {
    const fault = faultFor(req.method);
    if (fault !== undefined) proxy.injected.set(fault, (proxy.injected.get(fault) ?? 0) + 1);
    handle(req, res, fault).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, fault: Fault | undefined): Promise<void> {
    const body = Buffer.concat(await req.toArray());
    if (typeof fault === 'number') return refuse(res, fault, current.retryAfterSeconds);
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'stall') return;
    const answer = await relay(req, body);
    proxy.forwarded += 1;
    if (fault === 'forward-then-503') return refuse(res, 503, undefined);
    if (fault === 'forward-then-drop') return void req.socket.destroy();
    // Not chained: a library loaded by other tests patches writeHead without returning the response.
    res.writeHead(answer.status, endToEnd(answer.headers, answer.body.length));
    res.end(answer.body);
  }

  function relay(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      const outgoing = forward({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        answer.toArray().then((chunks) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }), reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}${target.pathname}`;
  const proxy: FaultyProxy = {
    connectionString: targetConnectionString.replace(/TableEndpoint=[^;]+/, `TableEndpoint=${endpoint}`),
    injected: new Map(),
    forwarded: 0,
    plan(faults) {
      current = faults;
      random = seeded(faults.seed ?? 1);
    },
    failNext(fault, method) {
      queued.push({ fault, method });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  return proxy;
}

/** The answer's own headers, without those that describe one connection's framing, which the proxy redoes. */
function endToEnd(headers: IncomingMessage['headers'], length: number): IncomingMessage['headers'] {
  const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, 'content-length': _l, ...rest } = headers;
  return { ...rest, 'content-length': String(length) };
}

function refuse(res: ServerResponse, status: number, retryAfterSeconds: number | undefined): void {
  const headers: Record<string, string> = { 'content-type': 'application/json;odata=minimalmetadata' };
  if (status === 429 && retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  const error = { 'odata.error': { code: 'ServerBusy', message: { lang: 'en-US', value: `Injected ${status}.` } } };
  res.writeHead(status, headers);
  res.end(JSON.stringify(error));
}

/** A linear congruential generator: plain, but repeatable, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
