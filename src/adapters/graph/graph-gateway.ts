import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { RenewableCredential } from '../identity/token-source';
import { parseRetryAfter, type RetryPolicy, type RetryVerdict, verdictForStatus } from '../retry/retry-policy';
import { GRAPH_SCOPE } from './graph-client';

export type GraphObject = Readonly<Record<string, unknown>>;

export interface BatchItem {
  readonly status: number;
  readonly body: GraphObject;
}

const BATCH_SIZE = 20;

/** Graph GETs with one retry policy, paging and `$batch`. Paths are relative to the version root, query pre-encoded. */
export class GraphGateway {
  constructor(
    private readonly client: Client,
    private readonly credential: RenewableCredential,
    readonly retry: RetryPolicy,
  ) {}

  /** The object, or undefined when Graph answers 404. */
  async get(path: string): Promise<GraphObject | undefined> {
    try {
      return await this.call(() => this.client.api(path).get());
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /** A PATCH with the same retry policy; Graph answers 204 or the updated object. */
  async patch(path: string, body: object): Promise<void> {
    await this.call(() => this.client.api(path).patch(body));
  }

  /** Items of a collection page plus those of the pages after it. */
  async rest(page: GraphObject): Promise<GraphObject[]> {
    const items: GraphObject[] = [];
    for (let current: GraphObject | undefined = page; current !== undefined; ) {
      items.push(...values(current));
      const next: unknown = current['@odata.nextLink'];
      current = typeof next === 'string' ? await this.call(() => this.client.api(next).get()) : undefined;
    }
    return items;
  }

  /** GETs in `$batch`es of twenty sent side by side: one round trip. Throttled items are sent again. */
  async batch(paths: readonly string[]): Promise<BatchItem[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < paths.length; start += BATCH_SIZE) chunks.push(paths.slice(start, start + BATCH_SIZE));
    return (await Promise.all(chunks.map((chunk) => this.batchChunk(chunk)))).flat();
  }

  private async batchChunk(paths: readonly string[]): Promise<BatchItem[]> {
    const results: BatchItem[] = [];
    let pending = paths.map((_, index) => index);
    await this.call(async () => {
      const body = await this.client.api('/$batch').post({ requests: pending.map((index) => ({ id: String(index), method: 'GET', url: paths[index] })) });
      const responses = Array.isArray(body?.responses) ? (body.responses as Record<string, unknown>[]) : [];
      const retry: { status: number; afterMs?: number }[] = [];
      pending = pending.filter((index) => {
        const response = responses.find((item) => String(item['id']) === String(index));
        const status = typeof response?.['status'] === 'number' ? response['status'] : 503;
        const afterMs = parseRetryAfter(header(response?.['headers'], 'retry-after'));
        if (verdictForStatus(status, afterMs).kind === 'retry') {
          retry.push({ status, ...(afterMs === undefined ? {} : { afterMs }) });
          return true;
        }
        results[index] = { status, body: isObject(response?.['body']) ? response['body'] : {} };
        return false;
      });
      if (retry.length > 0) throw itemsRefused(retry);
    });
    return results;
  }

  private call<T>(operation: () => Promise<T>): Promise<T> {
    return this.retry.run(({ renewToken }) => {
      if (renewToken) this.credential.renew(GRAPH_SCOPE);
      return operation();
    }, classifyGraphFailure);
  }
}

/** A failed batch item as the GraphError the SDK would have thrown for the same call. */
export function itemError(item: BatchItem): GraphError {
  const error = isObject(item.body['error']) ? item.body['error'] : {};
  const graphError = new GraphError(item.status, typeof error['message'] === 'string' ? error['message'] : `HTTP ${item.status}`);
  graphError.code = typeof error['code'] === 'string' ? error['code'] : null;
  graphError.body = JSON.stringify(item.body);
  return graphError;
}

export function values(page: GraphObject | undefined): GraphObject[] {
  const value = page?.['value'];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function classifyGraphFailure(error: unknown): RetryVerdict {
  if (!(error instanceof GraphError)) return { kind: 'give-up' };
  if (error.statusCode <= 0) return /Authentication|Credential/.test(error.code ?? '') ? { kind: 'give-up' } : { kind: 'retry' };
  return verdictForStatus(error.statusCode, parseRetryAfter(error.headers?.get('retry-after')), error.message);
}

/** A batch whose items were refused for load, as one error the retry policy understands. */
function itemsRefused(items: readonly { status: number; afterMs?: number }[]): GraphError {
  const error = new GraphError(items[0]!.status, `${items.length} batched request(s) were throttled`);
  const afterMs = Math.max(...items.map((item) => item.afterMs ?? 0));
  if (afterMs > 0) error.headers = new Headers({ 'retry-after': String(afterMs / 1000) });
  return error;
}

function header(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' ? value : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
