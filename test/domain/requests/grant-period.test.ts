import { strict as assert } from 'node:assert';
import { grantEnd } from '../../../src/domain/grant-period';

describe('grantEnd', () => {
  const now = new Date('2026-12-10T09:30:00.000Z');

  it('counts days from now', () => {
    assert.deepEqual(grantEnd({ days: 14 }, now), { until: '2026-12-24T09:30:00.000Z', days: 14 });
  });

  it('ends a dated grant at the close of that day', () => {
    assert.deepEqual(grantEnd({ until: '2026-12-24' }, now), { until: '2026-12-24T23:59:59.999Z', days: 15 });
  });

  it('refuses a date that has passed or is not a date', () => {
    assert.throws(() => grantEnd({ until: '2026-12-01' }, now), { code: 'invalid', message: /already passed/ });
    assert.throws(() => grantEnd({ until: 'soon' }, now), { code: 'invalid' });
    assert.throws(() => grantEnd({ days: 0 }, now), { code: 'invalid' });
  });
});
