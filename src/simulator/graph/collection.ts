import type { SimContext } from '../context';
import { jsonReply, type Reply } from '../http';
import { badRequest } from './errors';
import { compileGraphFilter } from './filter';
import type { GraphObject } from './objects';

export interface GraphRequest {
  method: string;
  /** Path below /v1.0, without a leading slash. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

const DEFAULT_PAGE = 100;
const MAX_PAGE = 999;

/** Applies $select, keeping @odata.type; falls back to the resource's default property set. */
export function selectProperties(object: GraphObject, select: string | null, defaults?: string[], keepType = false): GraphObject {
  const names = select ? select.split(',').map((s) => s.trim()).filter(Boolean) : defaults;
  if (!names) return stripType(object, keepType);
  const out: GraphObject = {};
  if (keepType) out['@odata.type'] = object['@odata.type'];
  for (const name of names) {
    const found = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
    if (found && !found.startsWith('@')) out[found] = object[found];
  }
  return out;
}

function stripType(object: GraphObject, keepType: boolean): GraphObject {
  if (keepType) return object;
  const { ['@odata.type']: _type, ...rest } = object;
  return rest;
}

export interface CollectionOptions {
  contextPath: string;
  defaults?: string[];
  /** Directory-object collections mark each item with its type. */
  typed: boolean;
}

export function collectionReply(ctx: SimContext, request: GraphRequest, all: GraphObject[], options: CollectionOptions): Reply {
  let rows = all;
  const filter = request.query.get('$filter');
  if (filter) {
    try {
      const predicate = compileGraphFilter(filter);
      rows = rows.filter(predicate);
    } catch (error) {
      return badRequest(ctx, request.headers, `Invalid filter clause: ${(error as Error).message}`, 'BadRequest');
    }
  }
  const topText = request.query.get('$top');
  const top = topText === null ? DEFAULT_PAGE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE) {
    return badRequest(ctx, request.headers, `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_PAGE} inclusive.`, 'Request_BadRequest');
  }
  const token = request.query.get('$skiptoken');
  const skip = token === null ? 0 : decodeSkip(token);
  if (skip === undefined) return badRequest(ctx, request.headers, 'Invalid $skiptoken.', 'Request_BadRequest');
  const select = request.query.get('$select');
  const page = rows.slice(skip, skip + top).map((row) => selectProperties(row, select, options.defaults, options.typed));
  const body: GraphObject = { '@odata.context': contextUrl(ctx, options.contextPath, select) };
  if (request.query.get('$count') === 'true') body['@odata.count'] = rows.length;
  if (skip + top < rows.length) {
    const next = new URLSearchParams(request.query);
    next.set('$skiptoken', encodeSkip(skip + top));
    body['@odata.nextLink'] = `${ctx.origin()}/v1.0/${request.path}?${next.toString().replace(/%24/g, '$')}`;
  }
  body['value'] = page;
  return jsonReply(200, body);
}

export function entityReply(ctx: SimContext, request: GraphRequest, object: GraphObject, contextPath: string, defaults?: string[]): Reply {
  const select = request.query.get('$select');
  return jsonReply(200, { '@odata.context': contextUrl(ctx, contextPath, select, true), ...selectProperties(object, select, defaults) });
}

function contextUrl(ctx: SimContext, path: string, select: string | null, entity = false): string {
  return `${ctx.origin()}/v1.0/$metadata#${path}${select ? `(${select})` : ''}${entity ? '/$entity' : ''}`;
}

function encodeSkip(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeSkip(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
