import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { TokenCredential } from '@azure/identity';
import pLimit, { type LimitFunction } from 'p-limit';
import { bearerToken } from '../identity/token-source';
import { isNetworkError, parseRetryAfter, RetryPolicy, verdictForStatus, type RetryVerdict } from '../retry/retry-policy';
import { ExchangeCommandError, errorDetail, isObject, parsePage, parseJson, type ExoPage, type ExoRow } from './exo-envelope';

export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';
/** Exchange Online's published limit of concurrent requests per tenant for an app. */
export const EXCHANGE_CONCURRENCY = 3;

/** Each of several instances keeps to its share of the tenant's limit, so together they are never refused for it. */
export function exchangeConcurrencyPerInstance(instances: number): number {
  return Math.max(1, Math.floor(EXCHANGE_CONCURRENCY / Math.max(1, instances)));
}
const BATCH_SIZE = 10;
const TRANSIENT_EXCEPTIONS = /DCOverloaded|SuitabilityDirectory|ServerInMM|ADServerSettingsChanged|StorageTransient/;

export interface ExchangeClientOptions {
  /** Origin of the admin API, e.g. https://outlook.office365.com. */
  readonly baseUrl: string;
  readonly tenantId: string;
  readonly credential: TokenCredential;
  readonly retry?: RetryPolicy;
  readonly concurrency?: number;
  /** Rows per page (`Prefer: odata.maxpagesize`), at most the service's 1000. */
  readonly pageSize?: number;
}

export interface CmdletCall {
  readonly cmdlet: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Output properties to return (`?$select=`). */
  readonly select?: readonly string[];
}

export interface CmdletResult {
  readonly rows: readonly ExoRow[];
  readonly warnings: readonly string[];
}

/** Runs cmdlets through the admin API's InvokeCommand, one at a time or in `$batch`es of ten. */
export class ExchangeClient {
  private readonly root: string;
  private readonly anchor: string;
  private readonly limit: LimitFunction;
  private readonly pageSize: number;
  readonly retry: RetryPolicy;

  constructor(private readonly options: ExchangeClientOptions) {
    this.root = `${new URL(options.baseUrl).origin}/adminapi/beta/${encodeURIComponent(options.tenantId)}`;
    this.anchor = `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${options.tenantId}`;
    this.limit = pLimit(options.concurrency ?? EXCHANGE_CONCURRENCY);
    this.pageSize = Math.min(1000, Math.max(1, options.pageSize ?? 1000));
    this.retry = options.retry ?? new RetryPolicy();
  }

  /** Every row the cmdlet returns, following `@odata.nextLink` by re-posting the same body. */
  async invoke(call: CmdletCall, retry: RetryPolicy = this.retry): Promise<CmdletResult> {
    return this.continueFrom(this.commandUrl(call), call, randomUUID(), retry, { rows: [], warnings: [] });
  }

  /** Each call's result or error, in order. Items refused for load are retried on their own. */
  async batch(calls: readonly CmdletCall[], retry: RetryPolicy = this.retry): Promise<(CmdletResult | ExchangeCommandError)[]> {
    const chunks: CmdletCall[][] = [];
    for (let start = 0; start < calls.length; start += BATCH_SIZE) chunks.push(calls.slice(start, start + BATCH_SIZE));
    const results = await Promise.all(chunks.map((chunk) => this.sendBatch(chunk, retry)));
    return results.flat();
  }

  private async sendBatch(calls: readonly CmdletCall[], retry: RetryPolicy) {
    const requestIds = calls.map(() => randomUUID());
    const body = await retry.run(async ({ renewToken }) => {
      const token = await bearerToken(this.options.credential, EXCHANGE_SCOPE, renewToken);
      const requests = calls.map((call, index) => ({
        id: String(index),
        method: 'POST',
        url: this.commandUrl(call),
        headers: { ...this.headers(call.cmdlet, requestIds[index]!, token), Prefer: `odata.maxpagesize=${this.pageSize};odata.continue-on-error` },
        body: commandBody(call),
      }));
      return this.post(`${this.root}/$batch`, '$batch', { requests }, { ...this.headers('$batch', randomUUID(), token), Prefer: 'odata.continue-on-error' });
    }, classifyExchangeFailure);
    const responses = isObject(body) && Array.isArray(body['responses']) ? body['responses'].filter(isObject) : [];
    return Promise.all(calls.map((call, index) => {
      const response = responses.find((item) => String(item['id']) === String(index));
      return this.settleItem(call, response, requestIds[index]!, retry);
    }));
  }

  private async settleItem(call: CmdletCall, response: Record<string, unknown> | undefined, requestId: string, retry: RetryPolicy) {
    const status = typeof response?.['status'] === 'number' ? response['status'] : 0;
    if (status >= 200 && status < 300) {
      const page = parsePage(response?.['body']);
      if (!page.nextLink) return { rows: page.rows, warnings: page.warnings };
      return this.continueFrom(this.sameOrigin(page.nextLink), call, requestId, retry, page).catch(asCommandError(call));
    }
    const headers = isObject(response?.['headers']) ? response['headers'] : {};
    const retryAfter = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    const failure = commandError(call.cmdlet, status, JSON.stringify(response?.['body'] ?? ''), typeof retryAfter === 'string' ? retryAfter : null);
    if (status !== 0 && classifyExchangeFailure(failure).kind === 'give-up') return failure;
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.limits.budgetMs) return failure;
    const waitedMs = failure.retryAfterMs ?? 0;
    if (waitedMs) await delay(waitedMs);
    // The batch attempt and this wait count against the caller's limits, or a chat turn could outlast its budget.
    const rest = retry.within({ budgetMs: retry.limits.budgetMs - waitedMs, maxAttempts: Math.max(1, retry.limits.maxAttempts - 1) });
    return this.invoke(call, rest).catch(asCommandError(call));
  }

  private async continueFrom(url: string, call: CmdletCall, requestId: string, retry: RetryPolicy, sofar: ExoPage): Promise<CmdletResult> {
    const rows = [...sofar.rows];
    const warnings = [...sofar.warnings];
    for (let next: string | undefined = url; next !== undefined; ) {
      const target: string = next;
      const body = await retry.run(async ({ renewToken }) => {
        const token = await bearerToken(this.options.credential, EXCHANGE_SCOPE, renewToken);
        return this.post(target, call.cmdlet, commandBody(call), this.headers(call.cmdlet, requestId, token));
      }, classifyExchangeFailure);
      const page = parsePage(body);
      rows.push(...page.rows);
      warnings.push(...page.warnings);
      next = page.nextLink === undefined ? undefined : this.sameOrigin(page.nextLink);
    }
    return { rows, warnings };
  }

  private post(url: string, cmdlet: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
    return this.limit(async () => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await response.text();
      if (!response.ok) throw commandError(cmdlet, response.status, text, response.headers.get('retry-after'));
      return text === '' ? {} : parseJson(text);
    });
  }

  private headers(cmdlet: string, requestId: string, token: string): Record<string, string> {
    return {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Prefer: `odata.maxpagesize=${this.pageSize}`,
      'X-CmdletName': cmdlet,
      'X-AnchorMailbox': this.anchor,
      'client-request-id': requestId,
    };
  }

  private commandUrl(call: CmdletCall): string {
    const select = call.select && call.select.length > 0 ? `?$select=${call.select.join(',')}` : '';
    return `${this.root}/InvokeCommand${select}`;
  }

  /** Continuation links may name another host of the service; the token only goes to the configured origin. */
  private sameOrigin(link: string): string {
    const url = new URL(link, this.root);
    const origin = new URL(this.root).origin;
    return `${origin}${url.pathname}${url.search}`;
  }
}

export function classifyExchangeFailure(error: unknown): RetryVerdict {
  if (error instanceof ExchangeCommandError) {
    if (error.exceptionType && TRANSIENT_EXCEPTIONS.test(error.exceptionType)) return { kind: 'retry' };
    return verdictForStatus(error.status, error.retryAfterMs, error.detail);
  }
  return isNetworkError(error) ? { kind: 'retry' } : { kind: 'give-up' };
}

function commandBody(call: CmdletCall) {
  return { CmdletInput: { CmdletName: call.cmdlet, Parameters: call.parameters } };
}

function commandError(cmdlet: string, status: number, text: string, retryAfter: string | null): ExchangeCommandError {
  const { detail, exceptionType } = errorDetail(status, text);
  return new ExchangeCommandError(cmdlet, status, detail, exceptionType, parseRetryAfter(retryAfter));
}

function asCommandError(call: CmdletCall) {
  return (error: unknown): ExchangeCommandError => {
    if (error instanceof ExchangeCommandError) return error;
    return new ExchangeCommandError(call.cmdlet, 0, error instanceof Error ? error.message : String(error), undefined, undefined);
  };
}
