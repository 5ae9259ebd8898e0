import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/pino-logger';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl';

function capture(): { log: ReturnType<typeof createLogger>; text: () => string } {
  const lines: string[] = [];
  const memory = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('redaction-test', 'debug', memory), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('strips tokens from an error that carries its request headers, message and cause', () => {
    const { log, text } = capture();
    const cause = new Error(`token endpoint said no to client_secret=s3cr3t-value&scope=x`);
    const error = Object.assign(new Error(`401 from https://graph.example/v1.0/users with Bearer ${JWT}`, { cause }), {
      statusCode: 401,
      request: { url: 'https://graph.example/v1.0/users', headers: { authorization: `Bearer ${JWT}`, 'x-ms-client-request-id': 'abc' } },
      response: { headers: { 'www-authenticate': `Bearer error="invalid_token" ${JWT}` } },
    });
    log.error('call failed', { error });
    const line = JSON.parse(text()) as { error: Record<string, unknown> };
    assert.equal(line.error['type'], 'Error');
    assert.equal(line.error['statusCode'], 401);
    assert.match(String(line.error['message']), /401 from https:\/\/graph\.example/);
    assert.equal(line.error['request'], undefined, 'the failed request is not logged');
    assert.doesNotMatch(text(), /eyJ|s3cr3t-value/);
  });

  it('censors secret-named fields at any depth and tokens inside any text', () => {
    const { log, text } = capture();
    const child = log.child({ connectionString: 'DefaultEndpointsProtocol=https;AccountKey=abc123==' });
    child.info('configured', {
      config: { clientSecret: 'shhh-1', nested: { deeper: { password: 'shhh-2', Authorization: `Bearer ${JWT}` } } },
      headers: { Authorization: `Bearer ${JWT}` },
      note: `retrying with ${JWT}`,
      url: 'https://example/token?client_secret=shhh-3&sig=shhh-4',
    });
    assert.doesNotMatch(text(), /shhh|abc123|eyJ/);
    assert.match(text(), /\[redacted\]/);
    assert.match(text(), /"msg":"configured"/);
  });

  it('logs a circular structure without crashing', () => {
    const { log, text } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    log.warn('odd input', { loop });
    assert.match(text(), /\[circular\]/);
  });
});
