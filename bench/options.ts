import { parseArgs } from 'util';

/** `--name value` from the bench command line (both modes share it), or `fallback`. */
export function benchOption(name: string, fallback: string): string {
  const str = { type: 'string' } as const;
  const { values } = parseArgs({ strict: false, allowPositionals: true, options: { sizes: str, runs: str, batch: str, 'job-ms': str, ivrs: str } });
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : fallback;
}
