import { strict as assert } from 'node:assert';
import { UnchangedWrites } from '../../src/bot/unchanged-writes';

describe('UnchangedWrites', () => {
  let now = 0;
  let writes: string[];
  let remembered: UnchangedWrites;
  beforeEach(() => {
    now = 1_000;
    writes = [];
    remembered = new UnchangedWrites(() => now);
  });
  const put = (key: string, value: unknown) => remembered.put(key, value, async () => void writes.push(`${key}=${JSON.stringify(value)}`));

  it('does write a value once when the same value comes again', async () => {
    await put('settings:service-url', 'https://smba.example/emea/');
    await put('settings:service-url', 'https://smba.example/emea/');
    assert.deepEqual(writes, ['settings:service-url="https://smba.example/emea/"']);
  });

  it('does write again when the value changes, and per key', async () => {
    await put('conversation:a', ['chat-1']);
    await put('conversation:b', ['chat-1']);
    await put('conversation:a', ['chat-2']);
    await put('conversation:a', ['chat-1']);
    assert.equal(writes.length, 4);
  });

  it('does write an unchanged value again after ten minutes, so another instance’s write does not stick', async () => {
    await put('settings:bot-account', '28:bot');
    now += 10 * 60_000;
    await put('settings:bot-account', '28:bot');
    assert.equal(writes.length, 2);
  });

  it('does try again next time when a write fails', async () => {
    await assert.rejects(remembered.put('conversation:a', 1, async () => Promise.reject(new Error('store unavailable'))));
    await put('conversation:a', 1);
    assert.deepEqual(writes, ['conversation:a=1']);
  });
});
