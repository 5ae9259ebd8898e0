import assert from 'node:assert/strict';
import { BoundedMap } from '../src/bounded-map';

describe('BoundedMap', () => {
  it('does drop the oldest entry when a new key passes the limit', () => {
    const map = new BoundedMap<string, number>(2).set('a', 1).set('b', 2).set('c', 3);
    assert.deepEqual([...map.entries()], [['b', 2], ['c', 3]]);
  });

  it('does keep a key that was set again and drop the next oldest when the limit is passed', () => {
    const map = new BoundedMap<string, number>(2).set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    assert.deepEqual([...map.entries()], [['a', 10], ['c', 3]]);
  });
});
