/**
 * `npm run drift -- --env <env> | --all [--format table|json|markdown] [--export-batch-size 100]`
 * Compares the live org with what `cdktf synth` produces for the environment(s). Credentials and gateway
 * come from the provider's environment variables. Exit codes: 0 in sync, 2 drift found, 1 could not
 * check everything (or bad arguments).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { ENVIRONMENTS } from '../config';
import { ArchitectOps } from '../runtime/architect/architect-ops';
import { DriftReport, detectDrift } from '../runtime/drift/drift-check';
import { exitCodeOf, toJson, toMarkdown, toTable } from '../runtime/drift/drift-format';
import { GenesysClient } from '../runtime/genesys/genesys-client';
import { errorText, registerOwnCredentials, scrubKnownSecrets, scrubKnownSecretsDeep } from '../runtime/genesys/genesys-error';
import { SynthesizedStack } from '../runtime/synth-output/synthesized-stack';
import { stackIdFor } from '../stacks';
import { synthToDirectory } from './synth';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run drift -- --env <${ENVIRONMENTS.map((e) => e.name).join('|')}> | --all [--format table|json|markdown] [--export-batch-size N]`);
  process.exit(1);
}

async function main(): Promise<number> {
  // Known before anything can fail: no output of this process prints the client id or secret, in any encoding.
  registerOwnCredentials(process.env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '', process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '');
  let args;
  try {
    args = parseArgs({ options: { env: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, 'export-batch-size': { type: 'string' } } }).values;
  } catch (err) {
    usage((err as Error).message);
  }
  const all = args.all === true;
  const envName = args.env;
  const format = args.format ?? 'table';
  const batch = Number(args['export-batch-size'] ?? 100);
  if (!all && !envName) usage('choose --env or --all');
  if (!['table', 'json', 'markdown'].includes(format)) usage(`unknown --format ${format}`);
  if (!Number.isInteger(batch) || batch < 1 || batch > 500) usage('--export-batch-size must be 1-500');
  const environments = all ? ENVIRONMENTS : ENVIRONMENTS.filter((e) => e.name === envName);
  if (environments.length === 0) usage(`unknown environment ${envName}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-drift-'));
  try {
    synthToDirectory(path.join(work, 'cdktf.out'), environments);
    const ops = new ArchitectOps(await GenesysClient.connect());
    const reports: DriftReport[] = [];
    for (const env of environments) {
      const stack = SynthesizedStack.read(path.join(work, 'cdktf.out', 'stacks', stackIdFor(env.name)));
      reports.push(await detectDrift(ops, stack, stackIdFor(env.name), { exportBatchSize: batch, namePrefix: env.namePrefix || undefined }));
    }
    // Our OAuth client id, secret and tokens are never printed (texts say "this deployment's OAuth client"), in any
    // format: scrubbed in the reports (before a format escapes anything) and in the output.
    const safe = scrubKnownSecretsDeep(reports);
    console.log(scrubKnownSecrets(format === 'json' ? toJson(safe) : format === 'markdown' ? toMarkdown(safe) : toTable(safe)));
    if (format === 'table') console.error(`${ops.client.apiCalls} API calls`);
    return exitCodeOf(reports);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`drift check could not run: ${errorText(err)}`);
    process.exit(1);
  },
);
