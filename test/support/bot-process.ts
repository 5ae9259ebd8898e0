import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunningSimulator } from '../../src/simulator';
import { simulatorSettings } from './tenant-config';

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 20_000;
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'NODE_EXTRA_CA_CERTS', 'SIMULATOR_CERT_DIR'];

export interface BotProcessOptions {
  /** The simulated tenant the bot calls (its first app, its first group as admins). */
  readonly sim: RunningSimulator;
  /** `sqlite:<path>` or `azure-tables:<connection string>`; kept across restarts. */
  readonly store: string;
  /** Extra or overriding environment variables. */
  readonly env?: Record<string, string>;
}

export interface BotProcess {
  /** Origin of the running child, e.g. http://127.0.0.1:41234 (changes on restart). */
  readonly url: string;
  readonly pid: number | undefined;
  /** Sends an activity to the child's /api/messages as Teams would; returns the HTTP answer. */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  /** `kill -9`: no graceful close, whatever was in flight is lost. */
  kill(): Promise<void>;
  /** Starts the child again with the same environment (and store). */
  restart(): Promise<void>;
  /** Graceful stop (SIGTERM), escalating to SIGKILL if it hangs. */
  stop(): Promise<void>;
  /** Everything the child wrote so far, for failure messages. */
  output(): string;
}

/** Runs the real bot (`src/index.ts` main) as a child process against a simulator, in demo (no inbound auth) mode. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const env = childEnv(options);
  let output = '';
  let child: ChildProcess | undefined;
  let url = '';

  const launch = async () => {
    const started = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      url = await listeningUrl(started, (line) => (output += `${line}\n`));
    } catch (error) {
      throw new Error(`${(error as Error).message}:\n${output}`);
    }
  };
  const exited = async (signal: NodeJS.Signals, graceMs: number) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const done = once(running, 'exit');
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
    await done;
    clearTimeout(timer);
  };

  await launch();
  return {
    get url() {
      return url;
    },
    get pid() {
      return child?.pid;
    },
    post: async (activity) => {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    kill: () => exited('SIGKILL', 0),
    restart: async () => {
      await exited('SIGKILL', 0);
      await launch();
    },
    stop: () => exited('SIGTERM', 5_000),
    output: () => output,
  };
}

function childEnv(options: BotProcessOptions): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(INHERITED.filter((name) => process.env[name]).map((name) => [name, process.env[name]]));
  return {
    ...inherited,
    ...simulatorSettings(options.sim, { STORE: options.store, PLAYGROUND: '0', LOG_LEVEL: 'info', ...options.env }),
  };
}

/** Reads the child's JSON log lines until it says where it listens; fails if it exits or takes too long. */
async function listeningUrl(child: ChildProcess, keep: (line: string) => void): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the bot process did not start listening in time')), START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`the bot process exited (${code ?? signal}) before listening`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', onExit);
    lines.on('line', (line) => {
      keep(line);
      const url = announcedUrl(line);
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(url);
    });
  });
}

function announcedUrl(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    const listening = typeof entry.msg === 'string' && /bot listening|DEMO MODE/.test(entry.msg);
    return listening && typeof entry.url === 'string' ? entry.url.replace(/\/api\/messages$/, '') : undefined;
  } catch {
    return undefined;
  }
}
