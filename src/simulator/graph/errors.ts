import { randomUUID } from 'node:crypto';
import type { SimContext } from '../context';
import { jsonReply, type Reply } from '../http';

export function graphError(ctx: SimContext, headers: Record<string, string>, status: number, code: string, message: string, extra: Record<string, string> = {}): Reply {
  const requestId = randomUUID();
  return jsonReply(status, {
    error: {
      code,
      message,
      innerError: {
        date: ctx.now().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': requestId,
        'client-request-id': headers['client-request-id'] ?? requestId,
      },
    },
  }, { 'request-id': requestId, 'client-request-id': headers['client-request-id'] ?? requestId, ...extra });
}

export function notFound(ctx: SimContext, headers: Record<string, string>, id: string): Reply {
  return graphError(ctx, headers, 404, 'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

export function badRequest(ctx: SimContext, headers: Record<string, string>, message: string, code = 'Request_BadRequest'): Reply {
  return graphError(ctx, headers, 400, code, message);
}
