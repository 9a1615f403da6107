/**
 * `npm run emulator -- --port N [--rate-limit 300] [--job-ms 50]`: runs the Genesys Cloud API emulator until stopped.
 * Exit codes: 0 stopped (SIGINT/SIGTERM), 64 bad arguments, 1 could not start (e.g. the port is taken), one line on stderr.
 */
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';
import { GenesysEmulator } from './server';

const EMULATOR_COMMAND = commandSpec({
  name: 'emulator',
  usage: 'npm run emulator -- [--port N] [--rate-limit 300] [--job-ms 50]',
  summary:
    'Runs the Genesys Cloud API emulator on 127.0.0.1 until stopped (SIGINT/SIGTERM), enforcing the rules of emulator/CONTRACT.md.\nPrints where it listens and the GENESYSCLOUD_GATEWAY_* variables that point the tools at it.',
  options: {
    port: { type: 'string', value: 'N', description: 'the port, 0-65535; 0 picks a free one (default 8787)' },
    'rate-limit': { type: 'string', value: 'N', description: 'requests per minute per token before 429 (default 300)' },
    'job-ms': { type: 'string', value: 'MS', description: 'how long import and export jobs take (default 50)' },
  },
  exitCodes: [
    [0, 'stopped (SIGINT/SIGTERM)'],
    [64, 'a bad command line'],
    [1, 'could not start (e.g. the port is taken), one line on stderr'],
  ],
  usageExitCode: 64,
});

async function main(): Promise<void> {
  const args = parseCommandLine(EMULATOR_COMMAND).values;
  const port = Number(args.port ?? 8787);
  const rateLimit = Number(args['rate-limit'] ?? 300);
  const jobMs = Number(args['job-ms'] ?? 50);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usageError(EMULATOR_COMMAND, `--port must be 0-65535, got ${args.port}`);
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || !Number.isInteger(jobMs) || jobMs < 0) {
    usageError(
      EMULATOR_COMMAND,
      `--rate-limit must be a positive integer and --job-ms a non-negative integer, got ${args['rate-limit']} and ${args['job-ms']}`,
    );
  }
  let emulator: GenesysEmulator;
  try {
    emulator = await new GenesysEmulator({ port, rateLimitPerMinute: rateLimit, jobDurationMs: jobMs }).start();
  } catch (err) {
    console.error(cannotListen(err, port));
    process.exit(1);
  }
  console.log(`Genesys Cloud API emulator on ${emulator.url} (rate limit ${rateLimit}/min per token; enforces the rules of emulator/CONTRACT.md)`);
  console.log(`Point tools at it: GENESYSCLOUD_GATEWAY_HOST=127.0.0.1 GENESYSCLOUD_GATEWAY_PORT=${emulator.port} GENESYSCLOUD_GATEWAY_PROTOCOL=http`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** One line saying why the emulator cannot listen on the port. */
function cannotListen(err: unknown, port: number): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE')
    return `emulator: port ${port} on 127.0.0.1 is already in use; stop what is listening there or choose another port with --port`;
  if (code === 'EACCES') return `emulator: not allowed to listen on port ${port} on 127.0.0.1; choose a port above 1023 with --port`;
  return `emulator: cannot listen on port ${port} on 127.0.0.1: ${String((err as Error)?.message ?? err).split('\n')[0]}`;
}

main().catch((err) => {
  console.error(`emulator: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
  process.exit(1);
});
