import { strict as assert } from 'node:assert';
import { KeyedTurns } from '../src/keyed-turns';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedTurns', () => {
  it('does run work under one key one after the other, so no read-change-write is lost', async () => {
    const turns = new KeyedTurns();
    let stored: number[] = [];
    const append = (n: number) => turns.run('card:1', async () => {
      const read = [...stored];
      await tick();
      stored = [...read, n];
    });
    await Promise.all([1, 2, 3, 4, 5].map(append));
    assert.deepEqual(stored, [1, 2, 3, 4, 5]);
  });

  it('does run work under different keys side by side', async () => {
    const turns = new KeyedTurns();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const slow = turns.run('a', () => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('a')));
    await turns.run('b', async () => void order.push('b'));
    release();
    await slow;
    assert.deepEqual(order, ['b', 'a']);
  });

  it('does go on with the next piece of work when one under the same key failed', async () => {
    const turns = new KeyedTurns();
    await assert.rejects(turns.run('k', async () => Promise.reject(new Error('refused'))), /refused/);
    assert.equal(await turns.run('k', async () => 'next'), 'next');
  });

  it('does settle idle only once the work of every key is done', async () => {
    const turns = new KeyedTurns();
    const done: string[] = [];
    void turns.run('a', async () => { await tick(); done.push('a'); });
    void turns.run('b', async () => { await tick(); await tick(); done.push('b'); });
    void turns.run('a', async () => { await tick(); done.push('a again'); });
    await turns.idle();
    assert.deepEqual(done.sort(), ['a', 'a again', 'b']);
  });
});
