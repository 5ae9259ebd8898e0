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

  readonly debug = this.recorder('debug');
  readonly info = this.recorder('info');
  readonly warn = this.recorder('warn');
  readonly error = this.recorder('error');

  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLog(this.lines, { ...this.bindings, ...bindings });
  }

  private recorder(level: LogLine['level']) {
    return (message: string, fields: Record<string, unknown> = {}): void => {
      this.lines.push({ level, message, fields: { ...this.bindings, ...fields } });
    };
  }
}
