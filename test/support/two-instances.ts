import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotEnv, type BotEnv } from './bot-env';

export interface TwoInstances {
  /** Owns the simulated tenant; the second instance talks to the same one. */
  readonly first: BotEnv;
  readonly second: BotEnv;
  /** Moves the clock both instances read to `ms` ahead of real time. */
  moveClock(ms: number): void;
}

/**
 * Two bot instances sharing one tenant and one SQLite store, on one clock the test moves forward (as time passing
 * between sweeps); fresh for every test of the enclosing `describe`, the clock back at real time.
 */
export function twoInstancesForEachTest(receive: (instances: TwoInstances) => void, env: Record<string, string>): void {
  let first: BotEnv | undefined;
  let second: BotEnv | undefined;
  let dir: string | undefined;
  beforeEach(async () => {
    let offset = 0;
    [first, second] = [undefined, undefined];
    dir = mkdtempSync(join(tmpdir(), 'smb-two-instances-'));
    const clock = { now: () => new Date(Date.now() + offset) };
    const store = `sqlite:${join(dir, 'shared.db')}`;
    first = await startBotEnv({ clock, store, env });
    second = await startBotEnv({ clock, store, env, sim: first.sim });
    receive({ first, second, moveClock: (ms) => (offset = ms) });
  });
  afterEach(async () => {
    await second?.close();
    await first?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
