/** What to do after a failed attempt. `renew-token` retries at once, with a fresh token, at most once per call. */
export type RetryVerdict =
  | { readonly kind: 'retry'; readonly afterMs?: number }
  | { readonly kind: 'renew-token' }
  | { readonly kind: 'give-up' };

export interface RetryLimits {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Wall-clock budget for the whole call: a wait that would overrun it is not started. */
  readonly budgetMs: number;
}

export interface RetryPolicyOptions extends Partial<RetryLimits> {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock the budget is measured on; tests pair it with `sleep` to wait without waiting. */
  readonly now?: () => number;
}

export interface Attempt {
  readonly number: number;
  /** True when the previous attempt was refused for its token: get a new one, not the cached one. */
  readonly renewToken: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One retry discipline for every call the bot makes to Microsoft 365 and to its storage. */
export class RetryPolicy {
  readonly limits: RetryLimits;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.limits = { maxAttempts: options.maxAttempts ?? 5, budgetMs: options.budgetMs ?? 30_000 };
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 8_000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** The same policy with tighter limits, e.g. a 10 s budget inside a chat turn. */
  within(limits: Partial<RetryLimits>): RetryPolicy {
    return new RetryPolicy({ ...this.limits, ...limits, baseDelayMs: this.baseDelayMs, maxDelayMs: this.maxDelayMs, random: this.random, sleep: this.sleep, now: this.now });
  }

  async run<T>(operation: (attempt: Attempt) => Promise<T>, classify: (error: unknown) => RetryVerdict): Promise<T> {
    const started = this.now();
    let renewed = false;
    let renewToken = false;
    for (let number = 1; ; number++) {
      try {
        return await operation({ number, renewToken });
      } catch (error) {
        renewToken = false;
        const verdict = classify(error);
        if (verdict.kind === 'give-up' || number >= this.limits.maxAttempts) throw error;
        if (verdict.kind === 'renew-token') {
          if (renewed) throw error;
          renewed = renewToken = true;
          continue;
        }
        const waitMs = verdict.afterMs ?? this.backoff(number);
        if (this.now() - started + waitMs > this.limits.budgetMs) throw error;
        await this.sleep(waitMs);
      }
    }
  }

  /** Full jitter: a random wait up to an exponentially growing cap. */
  private backoff(failures: number): number {
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (failures - 1));
    return Math.round(this.random() * cap);
  }
}

/** `Retry-After` as milliseconds: seconds (decimals allowed) or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const EXO_CONCURRENCY_REFUSAL = /maximum number of concurrent requests/i;

/** The verdict for an HTTP failure, shared by the Exchange and Graph adapters. */
export function verdictForStatus(status: number, retryAfterMs: number | undefined, message = ''): RetryVerdict {
  if (status === 401) return { kind: 'renew-token' };
  if (status === 429 || status === 503 || status === 504 || EXO_CONCURRENCY_REFUSAL.test(message)) {
    return retryAfterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs: retryAfterMs };
  }
  return { kind: 'give-up' };
}

/** Transport failures (connection reset, DNS, TLS handshake cut short) are worth another try. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TypeError' && /fetch failed/i.test(error.message)) return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(code);
}
