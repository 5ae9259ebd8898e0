import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const bicep = readFileSync(join(root, 'infra/main.bicep'), 'utf8');
const parameterFile = JSON.parse(readFileSync(join(root, 'infra/main.parameters.example.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};
const documented = [...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!);

/** Variables of .env.example that the Azure deployment deliberately leaves unset, and why. */
const NOT_DEPLOYED: Readonly<Record<string, string>> = {
  MicrosoftAppPassword: 'the bot signs in as its user-assigned managed identity',
  AZURE_CLIENT_SECRET: 'Exchange and Graph are called as the managed identity',
  AZURE_CLIENT_CERTIFICATE_PATH: 'Exchange and Graph are called as the managed identity',
  AZURE_AUTHORITY_HOST: 'only for sovereign clouds and the simulator',
  TENANT_SEED: 'demo only: the simulated tenant',
  SIMULATOR_PORT: 'demo only: the simulated tenant',
  PLAYGROUND: 'demo only: the Teams emulator',
};
/** App Service settings that configure the platform, not the bot. */
const PLATFORM = ['WEBSITES_PORT', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

interface Param { name: string; decorators: string[]; hasDefault: boolean }

function params(text: string): Param[] {
  const found: Param[] = [];
  let decorators: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.startsWith('@')) decorators.push(line);
    const match = /^param\s+(\w+)\s+\w+(\s*=)?/.exec(line);
    if (match) found.push({ name: match[1]!, decorators, hasDefault: Boolean(match[2]) });
    if (!line.startsWith('@')) decorators = [];
  }
  return found;
}

function appSettings(text: string): Map<string, string> {
  const block = /appSettings:\s*\[([\s\S]*?)\n\s*\]/.exec(text)?.[1] ?? '';
  const entries = block.split('\n').filter((line) => line.trim()).length;
  const parsed = new Map([...block.matchAll(/^\s*\{\s*name:\s*'([^']+)',\s*value:\s*(.+)\s\}\s*$/gm)].map((m) => [m[1]!, m[2]!]));
  assert.equal(parsed.size, entries, 'every app setting is one `{ name: …, value: … }` line with a distinct name');
  return parsed;
}

describe('Azure infrastructure (Bicep)', () => {
  const settings = appSettings(bicep);

  it('does set every production variable of .env.example and nothing misspelled', () => {
    assert.ok(documented.length > 10, '.env.example lists the configuration');
    const expected = documented.filter((name) => !(name in NOT_DEPLOYED)).sort();
    const deployed = [...settings.keys()].filter((name) => !PLATFORM.includes(name)).sort();
    assert.deepEqual(deployed, expected);
    Object.keys(NOT_DEPLOYED).forEach((name) => assert.ok(documented.includes(name), `${name} is still documented`));
  });

  it('does run the bot as its user-assigned managed identity, with the store behind Key Vault', () => {
    assert.equal(settings.get('MicrosoftAppType'), "'UserAssignedMSI'");
    assert.equal(settings.get('MicrosoftAppId'), 'identity.properties.clientId');
    assert.equal(settings.get('AZURE_CLIENT_ID'), 'identity.properties.clientId');
    assert.match(settings.get('STORE') ?? '', /^'@Microsoft\.KeyVault\(SecretUri=\$\{storeSecret\.properties\.secretUri\}\)'$/);
    assert.match(bicep, /value: 'azure-tables:DefaultEndpointsProtocol=https;AccountName=\$\{storage\.name\};AccountKey=\$\{storage\.listKeys\(\)/);
    assert.match(bicep, /keyVaultReferenceIdentity: identity\.id/);
  });

  it('does declare the Azure Bot with the Teams channel, App Service on Node 20 and Application Insights', () => {
    for (const type of ['Microsoft.BotService/botServices@', 'Microsoft.BotService/botServices/channels@', 'Microsoft.Web/sites@', 'Microsoft.Web/serverfarms@', 'Microsoft.Storage/storageAccounts@', 'Microsoft.KeyVault/vaults@', 'Microsoft.Insights/components@', 'Microsoft.ManagedIdentity/userAssignedIdentities@']) {
      assert.ok(bicep.includes(`'${type}`), type);
    }
    assert.match(bicep, /msaAppType: 'UserAssignedMSI'/);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /linuxFxVersion: 'NODE\|20-lts'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{app\.properties\.defaultHostName\}\/api\/messages'/);
  });

  it('does keep secrets out of parameters: a @secure() param never has a default, a secret-sounding one is @secure()', () => {
    for (const param of params(bicep)) {
      const secure = param.decorators.includes('@secure()');
      if (secure) assert.equal(param.hasDefault, false, `${param.name} is @secure() with a default`);
      if (/secret|password|key|connection/i.test(param.name)) assert.ok(secure, `${param.name} must be @secure()`);
    }
  });

  it('does give an example value for each required parameter and none for unknown ones', () => {
    const declared = params(bicep);
    const given = Object.keys(parameterFile.parameters);
    given.forEach((name) => assert.ok(declared.some((p) => p.name === name), `${name} is a parameter of main.bicep`));
    declared.filter((p) => !p.hasDefault).forEach((p) => assert.ok(given.includes(p.name), `${p.name} has an example`));
  });
});
