import { authorizeGraph } from '../auth';
import type { SimContext } from '../context';
import { isRecord, jsonReply, type Reply } from '../http';
import { badRequest, graphError } from './errors';
import { graphCall } from './routes';

const MAX_BATCH = 20;

/** JSON batching: items run in order; a failed prerequisite answers 424 for its dependents. */
export async function graphBatch(ctx: SimContext, headers: Record<string, string>, body: unknown): Promise<Reply> {
  const auth = await authorizeGraph(ctx, headers, anyRole());
  if (!auth.ok && auth.reply.status === 401) return auth.reply;
  const requests = isRecord(body) && Array.isArray(body['requests']) ? body['requests'] : undefined;
  if (!requests) return badRequest(ctx, headers, 'Invalid batch payload format.', 'BadRequest');
  if (requests.length > MAX_BATCH) return badRequest(ctx, headers, `The number of batch requests cannot exceed ${MAX_BATCH}.`, 'BadRequest');
  const ids = requests.map((r) => (isRecord(r) ? String(r['id'] ?? '') : ''));
  if (ids.some((id) => id === '') || new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) {
    return badRequest(ctx, headers, 'Batch request ids must be present and unique.', 'BadRequest');
  }
  const statuses = new Map<string, number>();
  const responses = [];
  for (const raw of requests as Record<string, unknown>[]) {
    const id = String(raw['id']);
    const reply = await runItem(ctx, headers, raw, statuses);
    statuses.set(id.toLowerCase(), reply.status);
    const url = typeof raw['url'] === 'string' ? raw['url'] : '';
    ctx.journal.record({ method: String(raw['method'] ?? 'GET').toUpperCase(), path: `/v1.0/${url.replace(/^\/?(v1\.0\/)?/, '').split('?')[0]}`, status: reply.status });
    responses.push({ id, status: reply.status, headers: reply.headers ?? {}, ...(reply.body === undefined ? {} : { body: reply.body }) });
  }
  return { ...jsonReply(200, { responses }), journaled: true };
}

async function runItem(ctx: SimContext, outer: Record<string, string>, item: Record<string, unknown>, statuses: Map<string, number>): Promise<Reply> {
  const itemHeaders = Object.fromEntries(Object.entries(isRecord(item['headers']) ? item['headers'] : {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const headers: Record<string, string> = { ...itemHeaders, authorization: outer['authorization'] ?? '' };
  const dependsOn = Array.isArray(item['dependsOn']) ? item['dependsOn'].map(String) : [];
  const failed = dependsOn.find((dep) => (statuses.get(dep.toLowerCase()) ?? 424) >= 400);
  if (failed !== undefined) return graphError(ctx, headers, 424, 'FailedDependency', `The request depends on '${failed}', which failed or did not run.`);
  const url = typeof item['url'] === 'string' ? item['url'] : '';
  if (/^[a-z]+:\/\//i.test(url)) return badRequest(ctx, headers, 'Batch request urls must be relative to the version root.', 'BadRequest');
  const parsed = new URL(url.replace(/^\/?(v1\.0\/)?/, '/'), 'https://batch.invalid');
  const method = String(item['method'] ?? 'GET').toUpperCase();
  if (item['body'] !== undefined && !headers['content-type']) return badRequest(ctx, headers, 'Content-Type header is required when a body is present.', 'BadRequest');
  return graphCall(ctx, { method, path: parsed.pathname.replace(/^\//, ''), query: parsed.searchParams, headers, body: item['body'] });
}

function anyRole(): string[] {
  return ['User.Read.All', 'User.ReadWrite.All', 'GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All',
    'MailboxSettings.Read', 'MailboxSettings.ReadWrite', 'User.EnableDisableAccount.All'];
}
