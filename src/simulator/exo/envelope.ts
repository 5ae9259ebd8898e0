export type ExoObject = Record<string, unknown>;

export function setGuid(target: ExoObject, name: string, value: string): void {
  target[`${name}@data.type`] = 'System.Guid';
  target[`${name}@odata.type`] = '#Guid';
  target[name] = value;
}

export function setDate(target: ExoObject, name: string, iso: string | null): void {
  target[`${name}@data.type`] = 'System.DateTime';
  target[name] = iso === null ? null : exoDate(iso, false);
}

export function setDates(target: ExoObject, name: string, iso: string): void {
  setDate(target, name, iso);
  target[`${name}UTC@data.type`] = 'System.DateTime';
  target[`${name}UTC`] = exoDate(iso, true);
}

export function setCollection(target: ExoObject, name: string, values: string[]): void {
  target[`${name}@odata.type`] = '#Collection(String)';
  target[name] = values;
}

export function setInt(target: ExoObject, name: string, value: number): void {
  target[`${name}@data.type`] = 'System.Int32';
  target[name] = value;
}

/** yyyy-MM-ddTHH:mm:ss.fffffff+00:00 (or Z for the *UTC variants), as the service writes DateTimes. */
export function exoDate(iso: string, utc: boolean): string {
  const date = new Date(iso);
  const base = date.toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}0000`);
  return utc ? `${base}Z` : `${base}+00:00`;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** "1.2 GB (1,288,490,188 bytes)" */
export function exoSize(bytes: number): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = Number(value.toFixed(3)).toString();
  return `${shown} ${UNITS[unit]} (${groupThousands(Math.round(bytes))} bytes)`;
}

function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Keeps the chosen properties (case-insensitive) with their sidecar annotations. */
export function project(row: ExoObject, select: string[] | undefined): ExoObject {
  if (!select || select.length === 0) return row;
  const wanted = new Set(select.map((s) => s.trim().toLowerCase()).filter(Boolean));
  const out: ExoObject = {};
  for (const [name, value] of Object.entries(row)) {
    const base = name.split('@')[0]!.toLowerCase();
    if (wanted.has(base)) out[name] = value;
  }
  return out;
}

export function successBody(context: string, rows: ExoObject[], warnings: string[], nextLink?: string): ExoObject {
  const body: ExoObject = {
    '@odata.context': context,
    'adminapi.warnings@odata.type': '#Collection(String)',
    '@adminapi.warnings': warnings,
  };
  if (nextLink) body['@odata.nextLink'] = nextLink;
  body['value'] = rows;
  return body;
}

export const MORE_RESULTS_WARNING =
  'There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.';
