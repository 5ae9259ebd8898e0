import { BoundedMap } from '../bounded-map';

const KEPT = 5_000;
/** After this long a value is written again even if unchanged, so another instance's write never sticks for long. */
const FRESH_MS = 10 * 60_000;

/**
 * Remembers what this process last wrote under each key, so a value that has not changed (the same
 * service URL and the same chat reference on every activity) is not written to the store again.
 */
export class UnchangedWrites {
  private readonly written = new BoundedMap<string, { json: string; at: number }>(KEPT);

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `write` unless the value it writes (as `compared`) was written under `key` in the last few minutes. */
  async put(key: string, compared: unknown, write: () => Promise<void>): Promise<void> {
    const json = JSON.stringify(compared);
    const last = this.written.get(key);
    if (last?.json === json && this.now() - last.at < FRESH_MS) return;
    await write();
    this.written.set(key, { json, at: this.now() });
  }
}
