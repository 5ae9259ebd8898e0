import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..');

/** Which files may import what (DESIGN §2). `index.ts` is the composition root and may import anything. */
const RULES: readonly { readonly name: string; readonly imports: RegExp; readonly allowedIn: RegExp }[] = [
  { name: 'botbuilder/restify only at the edge', imports: /^(botbuilder|restify)/, allowedIn: /^src\/(bot\/|server\.ts$|index\.ts$)/ },
  { name: 'Microsoft SDKs and drivers only in adapters', imports: /^(@microsoft\/microsoft-graph-client|@azure\/|better-sqlite3)/, allowedIn: /^src\/(adapters\/|index\.ts$)/ },
  { name: 'card templating only in views', imports: /^adaptivecards/, allowedIn: /^src\/views\// },
  { name: 'domain imports nothing outside itself', imports: /^(?!src\/domain\/)/, allowedIn: /^(?!src\/domain\/)/ },
  { name: 'the simulator shares no code with the adapters', imports: /^src\/adapters\//, allowedIn: /^(?!src\/simulator\/)/ },
  { name: 'the adapters share no code with the simulator', imports: /^src\/simulator\//, allowedIn: /^(?!src\/adapters\/)/ },
  { name: 'the product never needs test code', imports: /^test\//, allowedIn: /^test\// },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Package name for bare imports, repo-relative path for relative ones. */
function targetOf(file: string, spec: string): string {
  return spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), spec)) : spec;
}

function importsOf(text: string): string[] {
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g);
  return [...found].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('architecture', () => {
  const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
    path: relative(ROOT, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  for (const rule of RULES) {
    it(`keeps the rule "${rule.name}" in every source file`, () => {
      const violations = files.flatMap((file) =>
        importsOf(file.text)
          .map((spec) => targetOf(file.path, spec))
          .filter((target) => !target.startsWith('node:') && rule.imports.test(target) && !rule.allowedIn.test(file.path))
          .map((target) => `${file.path} imports ${target}`),
      );
      assert.deepEqual(violations, []);
    });
  }

  it('reads process.env only in the composition root and the launchers around it (demo, simulator)', () => {
    const readers = files.filter((f) => /process\.env/.test(f.text)).map((f) => f.path);
    assert.deepEqual(readers.filter((p) => !/^src\/(index\.ts$|simulator\/|demo\/)/.test(p)), []);
  });

  it('never switches TLS verification off', () => {
    const offenders = files.filter((f) => /NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized:\s*false/.test(f.text)).map((f) => f.path);
    assert.deepEqual(offenders, []);
  });
});
