import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { playgroundConfig, startPlayground, type RunningPlayground } from '../../src/demo/playground';
import { startBot, type RunningBot } from '../../src/index';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { DEMO_SEED } from '../support/bot-env';
import { RecordingLog } from '../support/recording-log';
import { simulatorSettings } from '../support/tenant-config';

export interface PlaygroundEnv {
  readonly sim: RunningSimulator;
  readonly bot: RunningBot;
  readonly log: RecordingLog;
  /** One Playground per person, each chatting as that seeded user (the Playground has one user per instance). */
  readonly playgrounds: Readonly<Record<string, RunningPlayground>>;
  close(): Promise<void>;
}

/**
 * The demo as a person runs it: the simulated Contoso tenant, the bot without a Bot Framework identity,
 * and one Microsoft 365 Agents Playground per person, all on free ports with a fresh SQLite store.
 * Whatever started is stopped again if a later part fails to start.
 */
export async function startPlaygroundEnv(people: readonly string[]): Promise<PlaygroundEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'smb-playground-'));
  const log = new RecordingLog();
  const stops: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const sim = await startSimulator({ seed: DEMO_SEED, port: 0 });
    stops.push(() => sim.close());
    const bot = await startBot(botConfig(sim, dir), { log });
    stops.push(() => bot.close());
    const started = await Promise.allSettled(
      people.map((person) =>
        startPlayground({
          botEndpoint: `${bot.url}/api/messages`,
          port: 0,
          configDir: join(dir, `playground-${person}`),
          config: playgroundConfig(sim.seed, person),
          log,
        }),
      ),
    );
    const playgrounds: Record<string, RunningPlayground> = {};
    started.forEach((result, i) => {
      if (result.status === 'fulfilled') {
        stops.push(() => result.value.stop());
        playgrounds[people[i]!] = result.value;
      }
    });
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return { sim, bot, log, playgrounds, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Demo mode for Teams (no MicrosoftAppId: unauthenticated, loopback only), Microsoft 365 simulated. */
function botConfig(sim: RunningSimulator, dir: string) {
  return loadConfig(simulatorSettings(sim, { STORE: `sqlite:${join(dir, 'bot.db')}`, PLAYGROUND: '0', LOG_LEVEL: 'debug' }));
}
