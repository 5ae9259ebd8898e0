import type { Logger } from '../../src/log';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** A Logger that keeps every line, so tests can assert what was (and was not) logged. */
export class RecordingLog implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'debug', message, fields: { ...this.bindings, ...fields } });
  }
  info(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'info', message, fields: { ...this.bindings, ...fields } });
  }
  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'warn', message, fields: { ...this.bindings, ...fields } });
  }
  error(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'error', message, fields: { ...this.bindings, ...fields } });
  }
  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLog(this.lines, { ...this.bindings, ...bindings });
  }
}
