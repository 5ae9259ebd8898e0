import { isNetworkError, parseRetryAfter, RetryPolicy, type RetryVerdict } from '../adapters/retry/retry-policy';
import { OutboundPacer } from './outbound-pacer';

// The slice of the Bot Connector client's HTTP pipeline (@azure/core-rest-pipeline) this file relies on.
interface PipelineRequest {
  readonly method: string;
  readonly url: string;
}
interface PipelineResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | undefined };
}
type SendRequest = (request: PipelineRequest) => Promise<PipelineResponse>;
interface Pipeline {
  addPolicy(policy: { name: string; sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> }, options: { phase: 'Retry' }): void;
  removePolicy(options: { name: string }): unknown;
  getOrderedPolicies(): readonly { name: string }[];
}

const POLICY_NAME = 'teamsOutboundResilience';
/** A turn must answer before Teams gives up on it, so retries toward Teams stop within this. */
export const CONNECTOR_RETRY = new RetryPolicy({ maxAttempts: 5, budgetMs: 10_000 });
const RETRIABLE = new Set([412, 429, 502, 503, 504]);

class Refused extends Error {
  constructor(readonly response: PipelineResponse) {
    super(`Bot Connector answered ${response.status}`);
  }
}

/**
 * Puts pacing and the project's retry discipline in place of the client's own retry policy, which
 * would re-POST a message after a 5xx that may already have delivered it (a duplicate in the chat).
 */
export function makeResilient(connectorClient: unknown, pacer: OutboundPacer, retry: RetryPolicy = CONNECTOR_RETRY): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) return false;
  if (pipeline.getOrderedPolicies().some((p) => p.name === POLICY_NAME)) return true;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  const sendRequest = async (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
    try {
      return await retry.run(
        async () => {
          await pacer.take(conversationOf(request.url));
          const response = await next(request);
          if (RETRIABLE.has(response.status)) throw new Refused(response);
          return response;
        },
        (error) => verdict(error, request.method),
      );
    } catch (error) {
      if (error instanceof Refused) return error.response;
      throw error;
    }
  };
  // In the retry phase: inside the step that turns refusals into errors, outside the one that signs each attempt.
  pipeline.addPolicy({ name: POLICY_NAME, sendRequest }, { phase: 'Retry' });
  return true;
}

/** 429 means "not processed", so even a new message may go again; other failures only for idempotent calls. */
function verdict(error: unknown, method: string): RetryVerdict {
  const idempotent = method.toUpperCase() !== 'POST';
  if (error instanceof Refused) {
    if (error.response.status !== 429 && !idempotent) return { kind: 'give-up' };
    const afterMs = parseRetryAfter(error.response.headers.get('retry-after'));
    return afterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs };
  }
  return idempotent && isConnectorNetworkError(error) ? { kind: 'retry' } : { kind: 'give-up' };
}

function isConnectorNetworkError(error: unknown): boolean {
  return isNetworkError(error) || (error as { code?: unknown } | undefined)?.code === 'REQUEST_SEND_ERROR';
}

function conversationOf(url: string): string | undefined {
  const match = /\/v3\/conversations\/([^/?]+)\/activities/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
