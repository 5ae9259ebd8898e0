import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import type { SimContext } from './context';
import { keys, openIdConfiguration, token } from './entra';
import { handleBatch, handleInvokeCommand } from './exo/routes';
import { graphBatch } from './graph/batch';
import { graphCall } from './graph/routes';
import { BodyTooLargeError, decodeSegment, jsonReply, parseJson, readCall, writeReply, type Call, type Reply } from './http';

/** Route parameters arrive decoded, except a trailing path (which keeps its slashes and escapes). */
type Handler = (ctx: SimContext, call: Call, params: string[]) => Reply | Promise<Reply>;

const ROUTES: Array<[string, RegExp, Handler]> = [
  ['GET', /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/, (ctx, _call, [tenant]) => openIdConfiguration(ctx, tenant!)],
  ['GET', /^\/([^/]+)\/discovery\/v2\.0\/keys$/, (ctx, _call, [tenant]) => keys(ctx, tenant!)],
  ['POST', /^\/([^/]+)\/oauth2\/v2\.0\/token$/, (ctx, call, [tenant]) => token(ctx, call, tenant!)],
  ['POST', /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/i, (ctx, call, [tenant]) => handleInvokeCommand(ctx, call, tenant!)],
  ['POST', /^\/adminapi\/beta\/([^/]+)\/\$batch$/i, (ctx, call, [tenant]) => handleBatch(ctx, call, tenant!)],
  ['POST', /^\/v1\.0\/\$batch$/, graphBatchRoute],
  ['*', /^\/v1\.0\/(.+)$/, graphRoute],
  ['*', /^\/__admin\/([a-z]+)$/, (ctx, call, [resource]) => handleAdmin(ctx, call, resource!)],
];

async function graphRoute(ctx: SimContext, call: Call, [path]: string[]): Promise<Reply> {
  await ctx.faults.delay();
  const parsed = call.body.length > 0 ? parseJson(call.body) : { ok: true as const, value: undefined };
  if (!parsed.ok) return jsonReply(400, { error: { code: 'BadRequest', message: 'Unable to read JSON request payload.' } });
  return graphCall(ctx, { method: call.method, path: path!, query: call.query, headers: call.headers, body: parsed.value });
}

async function graphBatchRoute(ctx: SimContext, call: Call): Promise<Reply> {
  await ctx.faults.delay();
  const parsed = parseJson(call.body);
  return graphBatch(ctx, call.headers, parsed.ok ? parsed.value : undefined);
}

export function createHandler(ctx: SimContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void respond(ctx, req, res);
  };
}

async function respond(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let call: Call | undefined;
  let reply: Reply;
  try {
    call = await readCall(req);
    reply = await dispatch(ctx, call);
  } catch (error) {
    reply = error instanceof BodyTooLargeError
      ? jsonReply(413, { error: { code: 'RequestEntityTooLarge', message: error.message } })
      : jsonReply(500, { error: { code: 'InternalServerError', message: (error as Error).message } });
  }
  if (call && !reply.journaled && !call.path.startsWith('/__admin/')) {
    ctx.journal.record({ method: call.method, path: call.path, status: reply.status, ...reply.note });
  }
  if (!res.destroyed) writeReply(res, reply);
}

async function dispatch(ctx: SimContext, call: Call): Promise<Reply> {
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(call.path);
    if (match && (method === '*' || method === call.method)) {
      return handler(ctx, call, match.slice(1).map((part) => (part.includes('/') ? part : decodeSegment(part))));
    }
  }
  return jsonReply(404, { error: { code: 'NotFound', message: `No route for ${call.method} ${call.path}.` } });
}
