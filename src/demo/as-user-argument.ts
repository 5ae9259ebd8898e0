/** The seeded user named by `--as <who>` or `--as=<who>` on the command line (`npm start -- --as megan`). */
export function asUserArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--as=')) return arg.slice('--as='.length).trim() || undefined;
    if (arg === '--as') return argv[i + 1]?.trim() || undefined;
  }
  return undefined;
}
