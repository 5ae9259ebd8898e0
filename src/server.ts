import restify from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { MailboxAdapter } from './bot/mailbox-adapter';

/** Largest activity accepted; Teams activities are a few KB, cards at most 28 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A signed download link's file, when the link is valid and unexpired. */
export type Downloads = (id: string, exp: string, sig: string) => Promise<{ readonly filename: string; readonly csv: string } | undefined>;

/** HTTP edge: `/api/messages` for Teams, `/healthz` for the load balancer, signed export downloads. */
export function createServer(adapter: MailboxAdapter, bot: ActivityHandler, downloads?: Downloads): restify.Server {
  const server = restify.createServer({ name: 'shared-mailbox-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  if (downloads) {
    server.get('/exports/:id', async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const file = await downloads(String(req.params.id ?? ''), query.get('exp') ?? '', query.get('sig') ?? '');
      if (!file) {
        res.send(404, { error: 'This download link is not valid or has expired. Ask the bot to export again.' });
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-store',
      });
      res.end(file.csv);
    });
  }
  server.post('/api/messages', async (req, res) => {
    const answer = await adapter.answer(req.body, req.header('authorization') ?? '', (context) => bot.run(context));
    if (answer.body === undefined) {
      res.status(answer.status);
      res.end();
    } else {
      res.send(answer.status, answer.body);
    }
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

/**
 * Stops accepting connections and resolves once the requests in flight are answered. Keep-alive sockets
 * (the Bot Connector pools them) are closed as soon as they fall idle instead of after their timeout.
 */
export function stopServer(server: restify.Server): Promise<void> {
  return new Promise((resolve) => {
    const http = server.server;
    http.on('request', (_req, res) => res.setHeader('connection', 'close'));
    const sweep = setInterval(() => http.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    http.closeIdleConnections();
  });
}
