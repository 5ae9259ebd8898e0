import pino from 'pino';
import type { LogLevel } from './config';
import type { Logger } from './log';

/** Field names whose values never reach the logs, wherever they appear. */
const SECRET_KEY = /^(token|accesstoken|access_token|refresh_token|id_token|authorization|password|secret|clientsecret|client_secret|apppassword|connectionstring|client_assertion|cookie)$/i;
/** Bearer tokens, JWTs and `key=value` secrets that ride inside free text (error messages, URLs). */
const SECRET_TEXT: readonly [RegExp, string][] = [
  [/\bBearer\s+[\w\-.~+/]+=*/gi, 'Bearer [redacted]'],
  [/\beyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[redacted jwt]'],
  [/\b(client_secret|client_assertion|password|AccountKey|SharedAccessSignature|sig)=[^&;\s"']+/gi, '$1=[redacted]'],
];
const MAX_DEPTH = 6;

/** JSON lines on stdout (or the given stream), secrets redacted. */
export function createLogger(name: string, level: LogLevel, destination?: pino.DestinationStream): Logger {
  return wrap(pino({ name, level }, destination));
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(clean(fields), scrubText(message)),
    info: (message, fields) => log.info(clean(fields), scrubText(message)),
    warn: (message, fields) => log.warn(clean(fields), scrubText(message)),
    error: (message, fields) => log.error(clean(fields), scrubText(message)),
    child: (bindings) => wrap(log.child(clean(bindings))),
  };
}

function clean(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  return fields ? (scrub(fields, 0, new WeakSet()) as Record<string, unknown>) : {};
}

function scrubText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/**
 * A copy safe to write: secret-named fields censored, tokens cut out of text, and errors reduced to what
 * explains them; SDK errors carry the failed request, headers and bearer token included.
 */
function scrub(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  if (value instanceof Error) return scrubError(value, depth, seen);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : scrub(item, depth + 1, seen);
  }
  return out;
}

function scrubError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const details = error as Error & { code?: unknown; statusCode?: unknown; status?: unknown };
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof details.code === 'string' || typeof details.code === 'number' ? { code: details.code } : {}),
    ...(typeof details.statusCode === 'number' ? { statusCode: details.statusCode } : {}),
    ...(typeof details.status === 'number' ? { status: details.status } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause !== undefined ? { cause: scrub(error.cause, depth + 1, seen) } : {}),
  };
}
