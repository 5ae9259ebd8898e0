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
  readonly csv: string;
  readonly expiresAt: string;
}

/** Shared through the store so every instance signs and checks links alike. */
const KEY_DOCUMENT = 'secret:export-link-key';
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export const exportKey = (id: string): string => `export:${id}`;

/** One document whatever its size: the store keeps large ones whole, so a link never sees half a file. */
export function storeExport(store: Store, id: string, file: StoredExport): Promise<void> {
  return store.putDocument(exportKey(id), file);
}

export function readExport(store: Store, id: string): Promise<StoredExport | undefined> {
  return store.getDocument<StoredExport>(exportKey(id));
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
  const stored = await readExport(store, id);
  return stored && Date.parse(stored.expiresAt) > now.getTime() ? stored : undefined;
}
