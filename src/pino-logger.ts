import pino from 'pino';
import type { LogLevel } from './config';
import type { Logger } from './log';

/** Field names whose values never reach the logs, wherever they appear. */
const REDACTED = [
  'token', 'accessToken', 'access_token', 'authorization', 'Authorization', 'password', 'secret', 'clientSecret',
  'appPassword', 'client_secret', 'connectionString', 'headers.authorization', 'req.headers.authorization',
  '*.token', '*.accessToken', '*.authorization', '*.Authorization', '*.password', '*.secret', '*.clientSecret',
  '*.appPassword', '*.connectionString', '*.headers.authorization', '*.headers.Authorization',
];

/** JSON lines on stdout (or the given stream), secrets redacted. */
export function createLogger(name: string, level: LogLevel, destination?: pino.DestinationStream): Logger {
  const base = pino(
    { name, level, redact: { paths: REDACTED, censor: '[redacted]' }, serializers: { error: pino.stdSerializers.err } },
    destination,
  );
  return wrap(base);
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    child: (bindings) => wrap(log.child(bindings)),
  };
}
