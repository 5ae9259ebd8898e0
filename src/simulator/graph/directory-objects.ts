import type { SimContext } from '../context';
import { isRecord, jsonReply, type Reply } from '../http';
import { selectProperties, type GraphRequest } from './collection';
import { badRequest, notFound } from './errors';
import { directoryObject, type GraphObject } from './objects';

const TYPES = new Set(['user', 'group']);

export function getDirectoryObject(ctx: SimContext, request: GraphRequest, id: string): Reply {
  const object = directoryObject(ctx, id);
  if (!object) return notFound(ctx, request.headers, id);
  return jsonReply(200, {
    '@odata.context': `${ctx.origin()}/v1.0/$metadata#directoryObjects/$entity`,
    ...selectProperties(object, request.query.get('$select'), undefined, true),
  });
}

export function getByIds(ctx: SimContext, request: GraphRequest): Reply {
  const body = request.body;
  if (!isRecord(body) || !Array.isArray(body['ids']) || !body['ids'].every((id) => typeof id === 'string')) {
    return badRequest(ctx, request.headers, "The request body must contain 'ids', an array of strings.");
  }
  if (body['ids'].length > 1000) return badRequest(ctx, request.headers, 'Too many ids: at most 1000 are allowed.');
  const types = Array.isArray(body['types']) ? body['types'].map((t) => String(t).toLowerCase().replace(/^microsoft\.graph\./, '')) : [...TYPES];
  const objects = (body['ids'] as string[])
    .map((id) => directoryObject(ctx, id))
    .filter((o): o is GraphObject => !!o && types.includes(String(o['@odata.type']).replace('#microsoft.graph.', '')));
  return jsonReply(200, {
    '@odata.context': `${ctx.origin()}/v1.0/$metadata#directoryObjects`,
    value: objects.map((o) => selectProperties(o, request.query.get('$select'), undefined, true)),
  });
}
