import restify from 'restify';

/** A restify server that only parses the body and answers 200, run as its own process: the floor for any bot. */
const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', (req, res, next) => {
  res.send(200, { received: (req.body as { id?: string } | undefined)?.id ?? null });
  next();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
