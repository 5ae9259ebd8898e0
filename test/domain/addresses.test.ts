import { strict as assert } from 'node:assert';
import { domainOf, parseNameQuery, sameText } from '../../src/domain/addresses';

describe('parseNameQuery', () => {
  it('completes alias@ with the default domain', () => {
    assert.deepEqual(parseNameQuery(' Info@ ', 'contoso.com'), { kind: 'alias', address: 'info@contoso.com', bare: false });
  });

  it('reads a bare word as an alias that may also be a display name', () => {
    assert.deepEqual(parseNameQuery('info', 'contoso.com'), { kind: 'alias', address: 'info@contoso.com', bare: true });
  });

  it('keeps a full address as it is, lower-cased', () => {
    assert.deepEqual(parseNameQuery('Info@Fabrikam.example', 'contoso.com'), { kind: 'address', address: 'info@fabrikam.example' });
  });

  it('reads anything with spaces as a display name', () => {
    assert.deepEqual(parseNameQuery('Help Desk', 'contoso.com'), { kind: 'name', text: 'Help Desk' });
  });
});

describe('domainOf and sameText', () => {
  it('returns the domain of an address and nothing for a plain name', () => {
    assert.equal(domainOf('a@Contoso.COM'), 'contoso.com');
    assert.equal(domainOf('Help Desk'), undefined);
    assert.equal(domainOf('trailing@'), undefined);
  });

  it('compares without case but never matches a missing value', () => {
    assert.ok(sameText('INFO', 'info'));
    assert.ok(!sameText(undefined, 'info'));
  });
});
