import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACCENT, drawIcons } from '../../scripts/draw-icons';
import { packageApp, PackageError } from '../../scripts/package-app';
import { decodePng, encodePng } from '../../scripts/png';
import { checkIcons, fillPlaceholders, validateManifest } from '../../scripts/teams-manifest';
import { readZip } from '../../scripts/zip';
import { parseText } from '../../src/commands/parse-text';

const root = join(__dirname, '../..');
const manifestDir = join(root, 'manifest');
const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
const env = { BOT_ID: '4b3c2a1d-1111-4222-8333-944455556666', BOT_DOMAIN: 'mailbox-bot.azurewebsites.net' };
type Manifest = Record<string, any>;
const filled = (): Manifest => JSON.parse(fillPlaceholders(template, env).text) as Manifest;
const run = promisify(execFile);

describe('Teams app manifest', () => {
  let outDir: string;
  beforeEach(() => (outDir = mkdtempSync(join(tmpdir(), 'app-package-'))));
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('does validate against the local Teams schema of its manifestVersion once filled', async () => {
    const manifest = filled();
    assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 17);
    assert.match(manifest.$schema, new RegExp(`/v${manifest.manifestVersion}/MicrosoftTeams\\.schema\\.json$`));
    assert.deepEqual(await validateManifest(manifest), []);
    assert.equal(manifest.accentColor, ACCENT);
  });

  it('does fill every placeholder from the environment, taking MicrosoftAppId for the bot id', () => {
    const { text, problems } = fillPlaceholders(template, { MicrosoftAppId: env.BOT_ID, BOT_DOMAIN: env.BOT_DOMAIN });
    assert.deepEqual(problems, []);
    assert.doesNotMatch(text, /\$\{\{/);
    const manifest = JSON.parse(text) as Manifest;
    assert.equal(manifest.bots[0].botId, env.BOT_ID);
    assert.equal(manifest.id, env.BOT_ID);
    assert.deepEqual(manifest.validDomains, [env.BOT_DOMAIN]);
  });

  it('does offer the bot in personal, team and group chat, with files and a command list per scope', () => {
    const bot = filled().bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, true);
    assert.deepEqual(bot.commandLists.flatMap((l: Manifest) => l.scopes).sort(), ['groupChat', 'personal', 'team']);
  });

  it('does list only commands the text parser understands', () => {
    const titles: string[] = filled().bots[0].commandLists.flatMap((l: Manifest) => l.commands.map((c: Manifest) => c.title));
    for (const title of titles) {
      const command = parseText(title);
      assert.equal(command.kind === 'help', title === 'help', `"${title}" parses to ${JSON.stringify(command)}`);
    }
  });

  it('does ship icons of the sizes Teams needs, the outline white on transparent', () => {
    assert.deepEqual(checkIcons(manifestDir, filled().icons), []);
    const outline = decodePng(readFileSync(join(manifestDir, 'outline.png')));
    const alphas = [...outline.rgba.filter((_, i) => i % 4 === 3)];
    assert.ok(alphas.some((a) => a === 0) && alphas.some((a) => a === 255));
  });

  it('does match the committed icons when they are drawn again', () => {
    const drawn = drawIcons();
    for (const kind of ['color', 'outline'] as const) {
      assert.deepEqual(decodePng(readFileSync(join(manifestDir, `${kind}.png`))).rgba, drawn[kind].rgba, `${kind}.png is stale: run npx tsx scripts/draw-icons.ts`);
    }
  });

  it('does name the offending field when the manifest is broken', async () => {
    const manifest = filled();
    manifest.bots[0].commandLists[0].commands[0].title = 'who can access a very long mailbox name@';
    delete manifest.developer.privacyUrl;
    const errors = (await validateManifest(manifest)).join('\n');
    assert.match(errors, /\/bots\/0\/commandLists\/0\/commands\/0\/title/);
    assert.match(errors, /\/developer .*privacyUrl/);
  });

  it('does reject icons of the wrong size or an outline that is not white on transparent', () => {
    const wrongSize = checkIcons(manifestDir, { color: 'color.png', outline: 'color.png' });
    assert.match(wrongSize.join('\n'), /icons\.outline: color\.png is 192×192, Teams needs 32×32/);
    const blue = { width: 32, height: 32, rgba: new Uint8Array(32 * 32 * 4).map((_, i) => [30, 90, 168, 255][i % 4]!) };
    writeFileSync(join(outDir, 'outline.png'), encodePng(blue));
    copyFileSync(join(manifestDir, 'color.png'), join(outDir, 'color.png'));
    assert.match(checkIcons(outDir, { color: 'color.png', outline: 'outline.png' }).join('\n'), /icons\.outline: .*white on a transparent background/);
  });

  it('does write a zip holding the filled manifest and both icons', async () => {
    const out = join(outDir, 'appPackage.zip');
    await packageApp({ manifestDir, out, env });
    const entries = readZip(readFileSync(out));
    assert.deepEqual(entries.map((e) => e.name).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
    assert.equal(manifest.bots[0].botId, env.BOT_ID);
    assert.ok(entries.find((e) => e.name === 'color.png')!.data.equals(readFileSync(join(manifestDir, 'color.png'))));
  });

  it('does refuse a bad bot id or domain, listing every problem', async () => {
    await assert.rejects(packageApp({ manifestDir, out: join(outDir, 'x.zip'), env: { BOT_ID: 'not-a-guid', BOT_DOMAIN: 'https://x.com/' } }), (error: unknown) => {
      assert.ok(error instanceof PackageError);
      assert.match(error.message, /BOT_DOMAIN must be a host name/);
      return true;
    });
    await assert.rejects(packageApp({ manifestDir, out: join(outDir, 'x.zip'), env: { BOT_ID: 'not-a-guid', BOT_DOMAIN: env.BOT_DOMAIN } }), /\/bots\/0\/botId/);
    assert.equal(existsSync(join(outDir, 'x.zip')), false);
  });

  it('does exit 1 naming BOT_ID when the packaging script runs without a bot id', async () => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, BOT_DOMAIN: env.BOT_DOMAIN };
    for (const name of ['BOT_ID', 'MicrosoftAppId', 'APP_ID']) delete childEnv[name];
    const out = join(outDir, 'appPackage.zip');
    const failure = await run(process.execPath, ['--require', 'tsx/cjs', join(root, 'scripts/package-app.ts'), '--out', out], { cwd: root, env: childEnv }).then(
      () => assert.fail('the script succeeded without a bot id'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /BOT_ID/);
    assert.equal(existsSync(out), false);
  });
});
