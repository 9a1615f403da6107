/** `npm run emulator -- --port N [--rate-limit 300] [--job-ms 50]`: runs the Genesys Cloud API emulator until stopped. */
import { GenesysEmulator } from './server';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? 8787);
  const rateLimit = Number(option('rate-limit') ?? 300);
  const jobMs = Number(option('job-ms') ?? 50);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0-65535, got ${option('port')}`);
    process.exit(64);
  }
  const emulator = await new GenesysEmulator({ port, rateLimitPerMinute: rateLimit, jobDurationMs: jobMs }).start();
  console.log(`Genesys Cloud API emulator on ${emulator.url} (rate limit ${rateLimit}/min per token)`);
  console.log(`Point tools at it: GENESYSCLOUD_GATEWAY_HOST=127.0.0.1 GENESYSCLOUD_GATEWAY_PORT=${emulator.port} GENESYSCLOUD_GATEWAY_PROTOCOL=http`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
