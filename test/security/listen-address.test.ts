import assert from 'node:assert/strict';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startBotEnv } from '../support/bot-env';
import { startSecuredBot } from './secured-bot';

/** This machine's first non-loopback IPv4 address, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

/** GET /healthz on a fresh connection: the status, or the connection error's code. */
function healthz(host: string, port: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/healthz', agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
}

describe('listening address', function () {
  this.timeout(60_000);

  it('listens on loopback only when there is no Bot Framework identity (demo mode)', async () => {
    const env = await startBotEnv();
    try {
      const url = new URL(env.bot.url);
      assert.equal(url.hostname, '127.0.0.1');
      assert.equal(await healthz('127.0.0.1', url.port), 200);
      const external = externalAddress();
      if (external) assert.equal(await healthz(external, url.port), 'ECONNREFUSED');
      assert.ok(env.log.lines.some((l) => /DEMO MODE/.test(l.message)), 'says so loudly');
    } finally {
      await env.close();
    }
  });

  it('listens on every interface when it has a Bot Framework identity', async () => {
    const env = await startSecuredBot();
    try {
      const url = new URL(env.bot.url);
      assert.equal(url.hostname, '0.0.0.0');
      assert.equal(await healthz('127.0.0.1', url.port), 200);
      const external = externalAddress();
      if (external) assert.equal(await healthz(external, url.port), 200);
    } finally {
      await env.close();
    }
  });
});
