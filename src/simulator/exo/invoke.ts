import type { SimContext } from '../context';
import { mailboxNamesChanged } from '../directory';
import { isRecord, jsonReply, parseJson, type Reply } from '../http';
import { bindParameters, resultSize, type CmdletSpec, type LazyRows } from './cmdlet';
import { findCmdlet } from './cmdlets';
import { MORE_RESULTS_WARNING, project, successBody, type ExoObject } from './envelope';
import { errorReply, ExoError, exoErrors, forbiddenReply, refusalReply } from './errors';

export interface InvokeInput {
  tenantSegment: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  appId: string;
}

const MAX_PAGE = 1000;

/** Runs one InvokeCommand call after authentication: faults, budget, binding, the cmdlet, paging. */
export function invokeCommand(ctx: SimContext, input: InvokeInput): Reply {
  const command = readCommand(input.body);
  if (!command) return errorReply(exoErrors.badRequest('The request body must be {"CmdletInput":{"CmdletName":…,"Parameters":{…}}}.'));
  const spec = findCmdlet(command.name);
  const note = { cmdlet: spec?.name ?? command.name, parameters: command.parameters };
  const refusal = ctx.faults.randomRefusal() ?? ctx.faults.takeExoCmdlet(input.appId);
  if (refusal) return { ...refusalReply(refusal.status, refusal.retryAfter), note };
  if (!spec) return { ...forbiddenReply(), note };
  try {
    const params = bindParameters(spec, command.parameters);
    const result = runCmdlet(ctx, spec, params);
    const limit = spec.lists ? resultSize(params) : Number.POSITIVE_INFINITY;
    return { ...page(ctx, input, result.rows, result.warnings, limit), note };
  } catch (error) {
    if (error instanceof ExoError) return { ...errorReply(error), note };
    throw error;
  }
}

/** Runs the cmdlet; anything but a Get- may have added or renamed a mailbox, even when it failed half-way. */
function runCmdlet(ctx: SimContext, spec: CmdletSpec, params: ReturnType<typeof bindParameters>) {
  try {
    return spec.run(ctx, params);
  } finally {
    if (!/^Get-/i.test(spec.name)) mailboxNamesChanged(ctx.state);
  }
}

function readCommand(body: unknown): { name: string; parameters: Record<string, unknown> } | undefined {
  if (!isRecord(body) || !isRecord(body['CmdletInput'])) return undefined;
  const input = body['CmdletInput'];
  const name = input['CmdletName'];
  const parameters = input['Parameters'] ?? {};
  if (typeof name !== 'string' || !isRecord(parameters)) return undefined;
  return { name, parameters };
}

function page(ctx: SimContext, input: InvokeInput, all: ExoObject[] | LazyRows, warnings: string[], limit: number): Reply {
  const select = input.query.get('$select')?.split(',');
  const notes = [...warnings];
  const total = Math.min(all.length, limit);
  if (all.length > limit) notes.push(MORE_RESULTS_WARNING);
  const pageSize = Math.min(preferredPageSize(input.headers['prefer']) ?? MAX_PAGE, MAX_PAGE);
  const skipText = input.query.get('$skiptoken');
  const skip = skipText === null ? 0 : Number(skipText);
  if (!Number.isInteger(skip) || skip < 0 || (skip > 0 && skip >= total)) return errorReply(exoErrors.pagination());
  const chunk = all.slice(skip, Math.min(skip + pageSize, total));
  let nextLink: string | undefined;
  if (skip + pageSize < total) {
    const query = new URLSearchParams();
    const selectText = input.query.get('$select');
    if (selectText) query.set('$select', selectText);
    query.set('$skiptoken', String(skip + pageSize));
    nextLink = `${ctx.origin()}/adminapi/beta/${input.tenantSegment}/InvokeCommand?${query.toString().replace(/%24/g, '$').replace(/%2C/gi, ',')}`;
    if (!notes.includes(MORE_RESULTS_WARNING)) notes.push(MORE_RESULTS_WARNING);
  }
  const context = `${ctx.origin()}/adminapi/beta/${input.tenantSegment}/$metadata#Collection(Exchange.GenericHashTable)`;
  return jsonReply(200, successBody(context, chunk.map((row) => project(row, select)), notes, nextLink), {
    'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'Odata-Version': '4.0',
  });
}

function preferredPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  const size = match ? Number(match[1]) : undefined;
  return size && size > 0 ? size : undefined;
}

export function parseBody(raw: Buffer): unknown {
  const parsed = parseJson(raw);
  return parsed.ok ? parsed.value : undefined;
}
