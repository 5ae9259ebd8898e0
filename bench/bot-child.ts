import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const START_TIMEOUT_MS = 30_000;
/** A bot that ignores SIGTERM this long is killed, so a bench never hangs on its teardown. */
const STOP_GRACE_MS = 10_000;

/** Waits until the bot child answers /healthz; fails at once if it exits, or after 30 s. */
export async function waitForHealth(url: string, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`the bot exited with code ${bot.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot did not start within 30 s');
}

/** Graceful stop (SIGTERM), escalating to SIGKILL if the child hangs. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A local port free right now, for the child to listen on (the bot takes PORT from its environment). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
