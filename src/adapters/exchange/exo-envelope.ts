/** A row as Exchange returns it, without the `@odata.type` / `@data.type` sidecar keys. */
export type ExoRow = Readonly<Record<string, unknown>>;

export interface ExoPage {
  readonly rows: ExoRow[];
  readonly warnings: string[];
  readonly nextLink?: string;
}

/** A cmdlet Exchange refused or could not run. Carries the service's words, never the request's token. */
export class ExchangeCommandError extends Error {
  constructor(
    readonly cmdlet: string,
    readonly status: number,
    readonly detail: string,
    readonly exceptionType: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${cmdlet} failed (${status}): ${detail}`);
    this.name = 'ExchangeCommandError';
  }
}

const PAGING_WARNING = /There are more results available than are currently displayed/i;

export function parsePage(body: unknown): ExoPage {
  const envelope = isObject(body) ? body : {};
  const value = Array.isArray(envelope['value']) ? envelope['value'] : [];
  const warnings = stringArray(envelope['@adminapi.warnings']).filter((warning) => !PAGING_WARNING.test(warning));
  const next = envelope['@odata.nextLink'];
  const rows = value.filter(isObject).map(stripAnnotations);
  return typeof next === 'string' && next !== '' ? { rows, warnings, nextLink: next } : { rows, warnings };
}

export function stripAnnotations(row: Record<string, unknown>): ExoRow {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.includes('@')));
}

/** The human text of an error body: details[0].message (after its `errorId|Type|` prefix), then innererror, then message. */
export function errorDetail(status: number, text: string): { detail: string; exceptionType?: string } {
  const body = parseJson(text);
  const error = isObject(body) && isObject(body['error']) ? body['error'] : undefined;
  if (!error) {
    if (status === 403) return { detail: 'Not authorized to run this cmdlet, or the cmdlet does not exist for this app.' };
    const printable = text.replace(/[^\x20-\x7e]/g, '').trim();
    return { detail: printable === '' ? `HTTP ${status}` : printable.slice(0, 300) };
  }
  const details = Array.isArray(error['details']) ? error['details'] : [];
  const first = details[0];
  if (isObject(first) && typeof first['message'] === 'string' && first['message'] !== '') {
    const parts = first['message'].split('|');
    const exceptionType = parts.length >= 3 ? parts[parts.length - 2] : undefined;
    return { detail: parts[parts.length - 1]!.trim(), ...(exceptionType ? { exceptionType } : {}) };
  }
  const inner = isObject(error['innererror']) ? error['innererror'] : undefined;
  const internal = inner && isObject(inner['internalexception']) ? inner['internalexception'] : undefined;
  if (internal && typeof internal['message'] === 'string') {
    const type = internal['type'];
    return { detail: internal['message'], ...(typeof type === 'string' ? { exceptionType: type } : {}) };
  }
  return { detail: typeof error['message'] === 'string' ? error['message'] : `HTTP ${status}` };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
