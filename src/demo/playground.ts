import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import { PLAYGROUND_CONFIG_FILE } from './playground-config';

export { playgroundConfig, PLAYGROUND_CONFIG_FILE } from './playground-config';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Working directory: holds the config file and the Playground's `devTools/` logs. */
  readonly configDir: string;
  readonly log: Logger;
  /** Config text (see `playgroundConfig`) written to `configDir` before the start. */
  readonly config?: string;
}

export interface RunningPlayground {
  /** What a person opens in a browser. */
  readonly url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const LOG_FILE = join('devTools', 'm365agentsplayground.log');

/** Starts the Microsoft 365 Agents Playground (the Teams emulator) against the bot, offline, no browser opened. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const { botEndpoint, port, configDir, log, config } = options;
  mkdirSync(configDir, { recursive: true });
  if (config !== undefined) writeFileSync(join(configDir, PLAYGROUND_CONFIG_FILE), config);
  // Start errors are read from this log: one left by an earlier run must not be mistaken for them.
  rmSync(join(configDir, LOG_FILE), { force: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  // Not detached: it shares the bot's process group, so Ctrl-C or a signal to the group ends it too.
  const child = spawn(
    process.execPath,
    [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: configDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(configDir, PLAYGROUND_CONFIG_FILE),
        M365_AGENTS_PLAYGROUND_LOGFILE: join(configDir, LOG_FILE),
      },
    },
  );
  // A bot that exits without stop() must not leave the Playground holding its port.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = (): Promise<void> => {
    process.off('exit', killOnExit);
    return stopChild(child);
  };
  const listening = await waitUntilListening(child).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const url = `http://localhost:${listening}`;
  await waitUntilConfigured(url, join(configDir, LOG_FILE)).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  log.info('Agents Playground ready', { url, botEndpoint });
  return { url, stop };
}

function waitUntilListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`it did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      const port = /Listening on (\d+)/.exec(output)?.[1];
      if (port) finish(() => resolve(Number(port)));
    };
    const onExit = (code: number | null): void => fail(`it exited with code ${code}`);
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.stdout?.resume();
      child.stderr?.resume();
      settle();
    };
    function fail(why: string): void {
      finish(() => reject(new Error(`Agents Playground could not start: ${why}.\n${output.trim()}`)));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => fail(error.message));
  });
}

/** The CLI prints "Listening" before reading its config, then closes the port if the config is invalid. */
async function waitUntilConfigured(url: string, logFile: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const answer = await fetch(`${url}/_internal/v1/config`).catch(() => undefined);
    await answer?.arrayBuffer();
    if (answer?.ok) return;
    if (readLog(logFile).includes('error Reason:')) break;
    await sleep(100);
  }
  const reasons = readLog(logFile)
    .split('\n')
    .filter((line) => line.startsWith('error Reason:'))
    .map((line) => line.slice('error Reason:'.length).trim());
  throw new Error(`Agents Playground could not start: ${reasons.join(' ') || 'it does not answer'} (log: ${logFile}).`);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
