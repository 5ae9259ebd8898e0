import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body: any;
  /** What the fake answered (a refusal set up with `failNext`, or success). */
  readonly status?: number;
  /** Milliseconds since the connector started, to check pacing. */
  readonly at?: number;
}

/** A refusal to answer instead of success, e.g. `{ status: 429, retryAfter: '1' }`. */
export interface ConnectorFault {
  readonly status: number;
  readonly retryAfter?: string;
  /** Only calls with this method are refused (default: any activity call). */
  readonly method?: 'POST' | 'PUT';
  /** Only calls into this conversation are refused (default: any). */
  readonly conversationId?: string;
}

/**
 * A stand-in for Teams' Bot Connector service: records what the bot sends to `serviceUrl` and answers
 * as the service does (new activity ids, new conversations), so tests can assert on real outbound traffic.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server: Server | undefined;
  private nextId = 1;
  private readonly faults: { fault: ConnectorFault; remaining: number }[] = [];
  private readonly started = Date.now();
  url = '';

  /** Answers the next `count` activity calls (matching `fault.method`) with `fault.status`, recorded like any call. */
  failNext(count: number, fault: ConnectorFault): void {
    this.faults.push({ fault, remaining: count });
  }

  /** Activity calls that were refused on purpose. */
  refused(): ConnectorCall[] {
    return this.calls.filter((c) => (c.status ?? 200) >= 400 && c.conversationId !== undefined);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // Arrival, not the end of reading the body, is when Teams counts a call against its rate limits.
      const at = Date.now() - this.started;
      void readJson(req).then((body) => {
        const answer = this.handle(req.method ?? 'GET', decodeURI(req.url ?? '/'), body, at);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}) });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Activities the bot posted (new messages and replies), optionally in one conversation. */
  sent(conversationId?: string): any[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.conversationId !== undefined && delivered(c) && (!conversationId || c.conversationId === conversationId))
      .map((c) => c.body);
  }

  updates(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && delivered(c));
  }

  /** Waits until `predicate` holds for the recorded calls (proactive sends happen after the HTTP answer). */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`connector condition not met; calls: ${JSON.stringify(this.calls.map((c) => `${c.method} ${c.path}`))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  clear(): void {
    this.calls.length = 0;
  }

  private handle(method: string, path: string, body: any, at: number): { status: number; body: unknown; retryAfter?: string } {
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (activity) {
      const [, conversationId, activityId] = activity;
      const call = { method, path, conversationId, ...(activityId ? { activityId } : {}), body, at };
      const fault = this.faults.find(
        (f) => f.remaining > 0 && (!f.fault.method || f.fault.method === method) && (!f.fault.conversationId || f.fault.conversationId === decodeURIComponent(conversationId!)),
      );
      if (fault) {
        fault.remaining--;
        this.calls.push({ ...call, status: fault.fault.status });
        const error = { error: { code: fault.fault.status === 429 ? 'Throttled' : 'ServiceUnavailable', message: 'refused on purpose' } };
        return { status: fault.fault.status, body: error, ...(fault.fault.retryAfter ? { retryAfter: fault.fault.retryAfter } : {}) };
      }
      this.calls.push({ ...call, status: 200 });
      return { status: 200, body: { id: method === 'PUT' ? activityId : `activity-${this.nextId++}` } };
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (method === 'GET' && member) {
      // Teams finds a member by Entra object id and answers with the Teams user id the bot knows them by.
      const objectId = decodeURIComponent(member[2]!);
      this.calls.push({ method, path, body });
      return { status: 200, body: { id: `29:${objectId}`, aadObjectId: objectId, name: objectId } };
    }
    if (method === 'POST' && path === '/v3/conversations') {
      this.calls.push({ method, path, body });
      const member = body?.members?.[0]?.id ?? 'unknown';
      return { status: 201, body: { id: `a:personal-${member}` } };
    }
    this.calls.push({ method, path, body });
    return { status: 404, body: { error: { code: 'NotFound', message: `no route ${method} ${path}` } } };
  }
}

function delivered(call: ConnectorCall): boolean {
  return (call.status ?? 200) < 400;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(text);
      }
    });
  });
}
