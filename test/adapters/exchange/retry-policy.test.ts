import assert from 'node:assert/strict';
import { parseRetryAfter, RetryPolicy, verdictForStatus, type RetryVerdict } from '../../../src/adapters/retry/retry-policy';

class Refused extends Error {
  constructor(readonly verdict: RetryVerdict) {
    super('refused');
  }
}

function policy(options: ConstructorParameters<typeof RetryPolicy>[0] = {}) {
  const waits: number[] = [];
  const retry = new RetryPolicy({ random: () => 1, ...options, sleep: async (ms) => void waits.push(ms) });
  return { retry, waits };
}

const classify = (error: unknown) => (error instanceof Refused ? error.verdict : ({ kind: 'give-up' } as const));

describe('RetryPolicy', () => {
  it('waits what Retry-After says when the service gives it', async () => {
    const { retry, waits } = policy();
    let calls = 0;
    const result = await retry.run(async () => {
      if (++calls < 3) throw new Refused({ kind: 'retry', afterMs: 1500 });
      return 'ok';
    }, classify);
    assert.equal(result, 'ok');
    assert.deepEqual(waits, [1500, 1500]);
  });

  it('backs off exponentially under a cap when there is no Retry-After', async () => {
    const { retry, waits } = policy({ baseDelayMs: 100, maxDelayMs: 350, maxAttempts: 5 });
    await assert.rejects(retry.run(async () => { throw new Refused({ kind: 'retry' }); }, classify), Refused);
    assert.deepEqual(waits, [100, 200, 350, 350]);
  });

  it('stops before a wait that would overrun the time budget', async () => {
    const { retry, waits } = policy({ budgetMs: 2_000 });
    await assert.rejects(retry.run(async () => { throw new Refused({ kind: 'retry', afterMs: 5_000 }); }, classify), Refused);
    assert.deepEqual(waits, []);
  });

  it('asks for a fresh token once after a 401, then gives up', async () => {
    const { retry } = policy();
    const renewals: boolean[] = [];
    await assert.rejects(retry.run(async ({ renewToken }) => {
      renewals.push(renewToken);
      throw new Refused({ kind: 'renew-token' });
    }, classify), Refused);
    assert.deepEqual(renewals, [false, true]);
  });

  it('does not retry failures classified as final', async () => {
    const { retry } = policy();
    let calls = 0;
    await assert.rejects(retry.run(async () => { calls++; throw new Error('bad input'); }, classify), /bad input/);
    assert.equal(calls, 1);
  });

  it('narrows its limits with within()', async () => {
    const { retry } = policy({ maxAttempts: 9 });
    let calls = 0;
    await assert.rejects(retry.within({ maxAttempts: 2 }).run(async () => { calls++; throw new Refused({ kind: 'retry', afterMs: 0 }); }, classify));
    assert.equal(calls, 2);
  });
});

describe('parseRetryAfter and verdictForStatus', () => {
  it('reads decimal seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('1.5'), 1500);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 10:00:10 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')), 10_000);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('retries throttling and outages, renews on 401, gives up on client errors', () => {
    assert.deepEqual(verdictForStatus(429, 2000), { kind: 'retry', afterMs: 2000 });
    assert.deepEqual(verdictForStatus(503, undefined), { kind: 'retry' });
    assert.deepEqual(verdictForStatus(504, undefined), { kind: 'retry' });
    assert.deepEqual(verdictForStatus(401, undefined), { kind: 'renew-token' });
    assert.deepEqual(verdictForStatus(400, undefined), { kind: 'give-up' });
    assert.deepEqual(
      verdictForStatus(500, undefined, 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again'),
      { kind: 'retry' },
    );
  });
});
