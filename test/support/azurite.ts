import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { resolve } from 'node:path';

export interface RunningAzurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's published development account; it is not a secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const AZURITE_TABLE = resolve(__dirname, '../../node_modules/.bin/azurite-table');

/** Starts an in-memory Azurite table service on a free port and waits until it accepts connections. */
export async function startAzurite(): Promise<RunningAzurite> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const args = ['--inMemoryPersistence', '--tableHost', '127.0.0.1', '--tablePort', String(port)];
    const child = spawn(AZURITE_TABLE, [...args, '--disableTelemetry', '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (await listening(child, port)) {
      return {
        connectionString:
          `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
          `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
        stop: () => stop(child),
      };
    }
    await stop(child);
    // Another process may have taken the port between probing and binding.
    if (attempt === 3) throw new Error(`Azurite did not start on port ${port}: ${stderr.trim()}`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

async function listening(child: ChildProcess, port: number): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    if (await accepts(port)) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => (socket.destroy(), done(false)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
