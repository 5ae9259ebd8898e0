import { authorizeExo } from '../auth';
import { isTenantName, type SimContext } from '../context';
import { isRecord, jsonReply, type Call, type Reply } from '../http';
import { refusalReply } from './errors';
import { invokeCommand, parseBody } from './invoke';

const MAX_BATCH = 10;

export async function handleInvokeCommand(ctx: SimContext, call: Call, tenantSegment: string): Promise<Reply> {
  if (!isTenantName(ctx, tenantSegment)) return unknownTenant(tenantSegment);
  const auth = await authorizeExo(ctx, call.headers);
  if (!auth.ok) return auth.reply;
  return withSlot(ctx, auth.claims.appid, async () => invokeCommand(ctx, {
    tenantSegment, query: call.query, headers: call.headers, body: parseBody(call.body), appId: auth.claims.appid,
  }));
}

/** A batch holds one concurrency slot and one latency; each item is authorised, budgeted and journaled on its own. */
export async function handleBatch(ctx: SimContext, call: Call, tenantSegment: string): Promise<Reply> {
  if (!isTenantName(ctx, tenantSegment)) return unknownTenant(tenantSegment);
  const auth = await authorizeExo(ctx, call.headers);
  if (!auth.ok) return auth.reply;
  const body = parseBody(call.body);
  const requests = isRecord(body) && Array.isArray(body['requests']) ? body['requests'] : undefined;
  if (!requests || requests.length === 0 || requests.length > MAX_BATCH) {
    return jsonReply(400, { error: { code: 'BadRequest', message: `A batch must hold between 1 and ${MAX_BATCH} requests.` } });
  }
  return withSlot(ctx, auth.claims.appid, async () => {
    const responses = [];
    for (const [index, raw] of requests.entries()) {
      const item = isRecord(raw) ? raw : {};
      const id = typeof item['id'] === 'string' ? item['id'] : String(index);
      const reply = await batchItem(ctx, call, tenantSegment, item);
      ctx.journal.record({ method: 'POST', path: itemPath(item, tenantSegment), status: reply.status, ...reply.note });
      responses.push({ id, status: reply.status, headers: reply.headers ?? {}, body: Buffer.isBuffer(reply.body) ? '' : reply.body ?? null });
    }
    return { ...jsonReply(200, { responses }), journaled: true };
  });
}

async function batchItem(ctx: SimContext, outer: Call, tenantSegment: string, item: Record<string, unknown>): Promise<Reply> {
  const headers = lowerCase(isRecord(item['headers']) ? item['headers'] : {});
  headers['authorization'] ??= outer.headers['authorization'] ?? '';
  const auth = await authorizeExo(ctx, headers);
  if (!auth.ok) return auth.reply;
  const url = new URL(typeof item['url'] === 'string' ? item['url'] : 'InvokeCommand', `${ctx.origin()}/adminapi/beta/${tenantSegment}/`);
  if (!/\/InvokeCommand$/i.test(url.pathname) || String(item['method'] ?? 'POST').toUpperCase() !== 'POST') {
    return jsonReply(400, { error: { code: 'BadRequest', message: 'Only POST InvokeCommand requests can be batched.' } });
  }
  return invokeCommand(ctx, { tenantSegment, query: url.searchParams, headers, body: item['body'], appId: auth.claims.appid });
}

async function withSlot(ctx: SimContext, appId: string, work: () => Promise<Reply>): Promise<Reply> {
  const release = ctx.faults.enterExo(appId);
  if (!release) return refusalReply(429, ctx.faults.settings.retryAfterSeconds, true);
  try {
    await ctx.faults.delay();
    return await work();
  } finally {
    release();
  }
}

function itemPath(item: Record<string, unknown>, tenantSegment: string): string {
  try {
    return new URL(String(item['url'] ?? 'InvokeCommand'), `https://x/adminapi/beta/${tenantSegment}/`).pathname;
  } catch {
    return `/adminapi/beta/${tenantSegment}/InvokeCommand`;
  }
}

function lowerCase(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function unknownTenant(tenantSegment: string): Reply {
  return jsonReply(404, { error: { code: 'NotFound', message: `The tenant '${tenantSegment}' wasn't found.` } });
}
