import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { decodePng, pngSize } from './png';

type Env = Readonly<Record<string, string | undefined>>;

/** Where each `${{NAME}}` placeholder takes its value from, first set variable wins. */
const SOURCES: Readonly<Record<string, { readonly from: readonly string[]; readonly ask: string; readonly what: string }>> = {
  BOT_ID: { from: ['BOT_ID', 'MicrosoftAppId'], ask: 'BOT_ID (or MicrosoftAppId)', what: "the bot's Microsoft App ID, a GUID" },
  APP_ID: { from: ['APP_ID', 'BOT_ID', 'MicrosoftAppId'], ask: 'APP_ID (or BOT_ID)', what: 'the Teams app id, a GUID that defaults to the bot id' },
  BOT_DOMAIN: { from: ['BOT_DOMAIN'], ask: 'BOT_DOMAIN', what: "the bot's host name, e.g. mailbox-bot.azurewebsites.net" },
};
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Replaces every `${{NAME}}` with its variable; lists each one that is not set. */
export function fillPlaceholders(text: string, env: Env): { text: string; problems: string[] } {
  const missing = new Set<string>();
  const problems: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const source = SOURCES[name] ?? { from: [name], ask: name, what: `the value of ${name}` };
    const value = source.from.map((variable) => env[variable]?.trim()).find(Boolean);
    if (value === undefined) {
      if (!missing.has(name)) problems.push(`Set ${source.ask}: ${source.what}.`);
      missing.add(name);
      return whole;
    }
    if (name === 'BOT_DOMAIN' && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value)) {
      problems.push(`BOT_DOMAIN must be a host name like mailbox-bot.azurewebsites.net, without https:// or a path (got "${value}").`);
    }
    return JSON.stringify(value).slice(1, -1);
  });
  // The app id falls back to the bot id: when both are missing, asking for the bot id is enough.
  const asked = missing.has('BOT_ID') ? problems.filter((p) => !p.startsWith(`Set ${SOURCES['APP_ID']!.ask}`)) : problems;
  return { text: filled, problems: [...new Set(asked)] };
}

/** Checks a manifest against the Teams schema shipped in @microsoft/app-manifest: never the network. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest['manifestVersion'] ?? '');
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  if (manifest['$schema'] !== expected) return [`/$schema must be ${expected} to match manifestVersion "${version}"`];
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) return [`/manifestVersion "${version}" has no local schema (${file})`];
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

/** Teams rejects icons of the wrong size; the outline icon must be white on transparent. */
export function checkIcons(manifestDir: string, icons: { color?: unknown; outline?: unknown }): string[] {
  return (Object.keys(ICON_SIZES) as (keyof typeof ICON_SIZES)[]).flatMap((kind) => {
    const name = icons[kind];
    const file = typeof name === 'string' ? join(manifestDir, name) : '';
    if (!file || !existsSync(file)) return [`icons.${kind}: file ${String(name)} not found in ${manifestDir}`];
    const png = readFileSync(file);
    let size: { width: number; height: number };
    try {
      size = pngSize(png);
    } catch {
      return [`icons.${kind}: ${name} is not a PNG file`];
    }
    const want = ICON_SIZES[kind];
    if (size.width !== want || size.height !== want) return [`icons.${kind}: ${name} is ${size.width}×${size.height}, Teams needs ${want}×${want}`];
    return kind === 'outline' ? outlineProblems(png, name as string) : [];
  });
}

function outlineProblems(png: Buffer, name: string): string[] {
  const { rgba } = decodePng(png);
  let transparent = false;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3]! < 255) transparent = true;
    if (rgba[i + 3]! > 0 && (rgba[i]! < 250 || rgba[i + 1]! < 250 || rgba[i + 2]! < 250)) {
      return [`icons.outline: ${name} must be white on a transparent background (pixel ${i / 4} is not white)`];
    }
  }
  return transparent ? [] : [`icons.outline: ${name} has no transparent pixels`];
}
