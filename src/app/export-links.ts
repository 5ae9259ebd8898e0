import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../ports';

/** Where download links point, and how long they live. */
export interface ExportLinks {
  /** The bot's public base URL, e.g. https://bot.contoso.com (known once the server listens). */
  readonly baseUrl: () => string;
  readonly ttlMs: number;
}

export interface StoredExport {
  readonly filename: string;
  /** The whole file; empty when it is stored in `parts` documents instead. */
  readonly csv: string;
  readonly expiresAt: string;
  /** How many `export:<id>:part:<n>` documents hold the file, in order. */
  readonly parts?: number;
}

/** Characters per stored part: a table row holds one even if every character needs escaping (six ASCII each). */
export const EXPORT_PART_CHARS = 60_000;

/** Shared through the store so every instance signs and checks links alike. */
const KEY_DOCUMENT = 'secret:export-link-key';
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export const exportKey = (id: string): string => `export:${id}`;
const partKey = (id: string, part: number): string => `export:${id}:part:${part}`;

/** Stores a file of any size: the parts first, then the entry that names them, so a link never sees half a file. */
export async function storeExport(store: Store, id: string, file: StoredExport): Promise<void> {
  const parts: string[] = [];
  for (let start = 0; start < file.csv.length; start += EXPORT_PART_CHARS) parts.push(file.csv.slice(start, start + EXPORT_PART_CHARS));
  if (parts.length <= 1) return store.putDocument(exportKey(id), file);
  await Promise.all(parts.map((part, index) => store.putDocument(partKey(id, index), part)));
  await store.putDocument<StoredExport>(exportKey(id), { ...file, csv: '', parts: parts.length });
}

/** The stored file with its parts put back together; undefined when any part is missing. */
export async function readExport(store: Store, id: string): Promise<StoredExport | undefined> {
  const stored = await store.getDocument<StoredExport>(exportKey(id));
  if (!stored?.parts) return stored;
  const parts = await Promise.all(Array.from({ length: stored.parts }, (_, index) => store.getDocument<string>(partKey(id, index))));
  if (parts.some((part) => typeof part !== 'string')) return undefined;
  return { ...stored, csv: parts.join('') };
}

async function signingKey(store: Store): Promise<Buffer> {
  const stored = await store.getDocument<string>(KEY_DOCUMENT);
  if (stored) return Buffer.from(stored, 'base64');
  await store.putDocument(KEY_DOCUMENT, randomBytes(32).toString('base64'));
  // Read back: of two instances creating a key at once, both keep the one that was written last.
  return Buffer.from((await store.getDocument<string>(KEY_DOCUMENT))!, 'base64');
}

function signature(key: Buffer, id: string, expiresMs: number): string {
  return createHmac('sha256', key).update(`${id}.${expiresMs}`).digest('base64url');
}

/** `/exports/<id>?exp=<ms>&sig=<hmac>`: anyone holding the link may download until it expires. */
export async function signedExportUrl(store: Store, links: ExportLinks, id: string, expiresMs: number): Promise<string> {
  const sig = signature(await signingKey(store), id, expiresMs);
  return `${links.baseUrl().replace(/\/$/, '')}/exports/${id}?exp=${expiresMs}&sig=${sig}`;
}

/** The export a link names, when the signature is right and neither link nor export has expired. */
export async function openSignedExport(
  store: Store,
  id: string,
  exp: string,
  sig: string,
  now: Date,
): Promise<StoredExport | undefined> {
  const expiresMs = /^\d{1,15}$/.test(exp) ? Number(exp) : NaN;
  if (!ID.test(id) || !Number.isFinite(expiresMs) || expiresMs <= now.getTime()) return undefined;
  const expected = Buffer.from(signature(await signingKey(store), id, expiresMs));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const stored = await store.getDocument<StoredExport>(exportKey(id));
  if (!stored || Date.parse(stored.expiresAt) <= now.getTime()) return undefined;
  return stored.parts ? readExport(store, id) : stored;
}
