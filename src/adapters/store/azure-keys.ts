import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors';

/** PartitionKey/RowKey may not hold / \ # ? or control characters; '%' is escaped too so the mapping is reversible. */
const FORBIDDEN_IN_KEY = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;

export function tableKey(value: string): string {
  return value.replace(FORBIDDEN_IN_KEY, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Table queries return rows in RowKey order; subtracting from a ceiling makes the newest sort first. */
const TIME_CEILING = 9_000_000_000_000_000;

export function newestFirst(value: number): string {
  return String(TIME_CEILING - value).padStart(16, '0');
}

let lastMicros = 0;

/** Strictly increasing in this process, close to wall time across processes: orders entries with equal times. */
export function appendSequence(): number {
  lastMicros = Math.max(lastMicros + 1, Math.floor((performance.timeOrigin + performance.now()) * 1000));
  return lastMicros;
}

/** A property name usable in a filter (`<flag> eq true`) that stands for "this id is among the approvers". */
export function approverFlag(approverId: string): string {
  return `ap${createHash('sha256').update(approverId).digest('hex')}`;
}

/** One string property holds at most 64 KiB of UTF-16; an entity at most 1 MiB. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 15;

/** The most JSON one entity carries; a larger document is spread over several. */
export const ENTITY_CHARS = CHUNK_CHARS * MAX_CHUNKS;

/**
 * JSON with every non-ASCII character written as \uXXXX: Azurite decodes request bodies chunk by chunk
 * and corrupts multi-byte characters that straddle a chunk, and ASCII can be split anywhere.
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Properties `bodyParts`, `body0` … holding `ascii`, which must fit one entity (ENTITY_CHARS). */
export function chunkProperties(ascii: string): Record<string, string | number> {
  const properties: Record<string, string | number> = {};
  let parts = 0;
  for (let start = 0; start < ascii.length; start += CHUNK_CHARS) {
    properties[`body${parts}`] = ascii.slice(start, start + CHUNK_CHARS);
    parts += 1;
  }
  return { bodyParts: parts, ...properties };
}

export function jsonChunks(json: string, what: string): Record<string, string | number> {
  const ascii = asciiJson(json);
  if (ascii.length > ENTITY_CHARS) {
    throw new AppError('invalid', `${what} is too large to store (${json.length} characters).`);
  }
  return chunkProperties(ascii);
}

export function joinedChunks(entity: Readonly<Record<string, unknown>>): string {
  const parts = Number(entity['bodyParts'] ?? 0);
  let json = '';
  for (let index = 0; index < parts; index += 1) json += String(entity[`body${index}`] ?? '');
  return json;
}

export function fromJsonChunks<T>(entity: Readonly<Record<string, unknown>>): T {
  return JSON.parse(joinedChunks(entity)) as T;
}
