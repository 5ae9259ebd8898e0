import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../../ports';
import { AzureTableStore } from './azure-table-store';
import { SqliteStore } from './sqlite-store';

const SQLITE = 'sqlite:';
const AZURE_TABLES = 'azure-tables:';

/** Opens the store a STORE setting names: `sqlite:<path>` or `azure-tables:<connection string>`. */
export async function openStore(spec: string): Promise<Store> {
  if (spec.startsWith(SQLITE) && spec.length > SQLITE.length) {
    const path = spec.slice(SQLITE.length);
    mkdirSync(dirname(path), { recursive: true });
    return new SqliteStore(path);
  }
  if (spec.startsWith(AZURE_TABLES) && spec.length > AZURE_TABLES.length) {
    const connectionString = spec.slice(AZURE_TABLES.length);
    return AzureTableStore.open(connectionString, { allowInsecureConnection: isLocalEmulator(connectionString) });
  }
  throw new Error(
    `Unknown store${schemeOf(spec)}. Use "sqlite:<path to a file>" or "azure-tables:<storage connection string>".`,
  );
}

/** Plain HTTP is allowed only towards Azurite on this machine. */
export function isLocalEmulator(connectionString: string): boolean {
  const settings = new Map(
    connectionString.split(';').map((part) => {
      const equals = part.indexOf('=');
      return [part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim()] as const;
    }),
  );
  if (settings.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  const endpoint = settings.get('tableendpoint');
  if (endpoint === undefined || !URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Settings can carry passwords and account keys: show at most the scheme. */
function schemeOf(spec: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(spec)?.[0];
  return scheme === undefined ? '' : ` "${scheme}…"`;
}
