/**
 * Builds the Teams app package (build/appPackage.zip) from manifest/: fills ${{…}} placeholders from
 * the environment, validates offline against the Teams schema, checks the icons.
 * Usage: BOT_ID=<guid> BOT_DOMAIN=<host> npx tsx scripts/package-app.ts [--out <zip>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkIcons, fillPlaceholders, validateManifest } from './teams-manifest';
import { writeZip } from './zip';

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cannot build the Teams app package:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackageError';
  }
}

export interface PackageOptions {
  readonly manifestDir: string;
  readonly out: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function packageApp({ manifestDir, out, env }: PackageOptions): Promise<string> {
  const filled = fillPlaceholders(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), env);
  if (filled.problems.length > 0) throw new PackageError(filled.problems);
  const manifest = JSON.parse(filled.text) as Record<string, unknown> & { icons?: { color?: unknown; outline?: unknown } };
  const problems = [...(await validateManifest(manifest)), ...checkIcons(manifestDir, manifest.icons ?? {})];
  if (problems.length > 0) throw new PackageError(problems);
  const icons = [manifest.icons!.color, manifest.icons!.outline] as string[];
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...icons.map((name) => ({ name, data: readFileSync(join(manifestDir, name)) })),
  ]);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return out;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const at = process.argv.indexOf('--out');
  const out = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(root, 'build', 'appPackage.zip'));
  packageApp({ manifestDir: join(root, 'manifest'), out, env: process.env }).then(
    (written) => console.log(`Teams app package written to ${written}`),
    (error: unknown) => {
      console.error(error instanceof PackageError ? error.message : `Cannot build the Teams app package: ${String(error)}`);
      process.exitCode = 1;
    },
  );
}
