import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';

/** Largest activity accepted; Teams activities are a few KB, cards at most 28 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** HTTP edge: `/api/messages` for Teams and `/healthz` for the load balancer. */
export function createServer(adapter: CloudAdapter, bot: ActivityHandler): restify.Server {
  const server = restify.createServer({ name: 'shared-mailbox-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

export function listen(server: restify.Server, port: number, host: string): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ url: `http://${host}:${address.port}` });
    });
  });
}
