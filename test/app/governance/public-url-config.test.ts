import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config';

describe('PUBLIC_URL configuration', () => {
  it('takes an https base URL for download links, without a trailing slash', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://bot.contoso.com/' }).publicUrl, 'https://bot.contoso.com');
    assert.equal(loadConfig({}).publicUrl, undefined);
  });

  it('refuses plain http except on this machine', () => {
    assert.throws(() => loadConfig({ PUBLIC_URL: 'http://bot.contoso.com' }), /PUBLIC_URL must be an https:\/\/ URL/);
    assert.equal(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3978' }).publicUrl, 'http://127.0.0.1:3978');
  });
});
