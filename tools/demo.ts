/**
 * `npm run demo`: no credentials, no Terraform. Starts the Genesys Cloud API emulator, publishes the
 * synthesized contact-center-dev flows into it through the import-job API (as the provider would),
 * runs the flow check handler for each flow (as Terraform's local-exec would), then simulates an edit
 * of the shared flow in Architect and shows the check failing with its diff.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../config';
import { GenesysEmulator } from '../emulator';
import { ArchitectOps } from '../runtime/architect/architect-ops';
import { applyLikeProvider } from '../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../runtime/synth-output/synthesized-stack';
import { GenesysClient } from '../runtime/genesys/genesys-client';
import { errorText, scrubKnownSecrets } from '../runtime/genesys/genesys-error';
import { settingsFromEnvironment } from '../runtime/genesys/settings';
import { terminalLines, terminalText } from '../runtime/genesys/terminal-text';
import { commandSpec, parseCommandLine } from '../runtime/cli/command-line';
import { synthToDirectory } from '../runtime/synth/synth-to-directory';
import { StackCheckInput, stackCheckEnvironment } from '../runtime/flow-check/flow-check-input';

const CLIENT = { id: 'demo-client', secret: 'demo-secret-not-real' };

const DEMO_COMMAND = commandSpec({
  name: 'demo',
  usage: 'npm run demo',
  summary:
    'Starts the Genesys Cloud API emulator, publishes the synthesized contact-center-dev flows into it, runs the flow check,\nthen edits the shared flow as a user would in Architect and shows the check failing with its diff. No credentials,\nno Terraform; every step is narrated on stdout as it starts.',
  options: {},
  exitCodes: [
    [0, 'demo complete: the check passed after the deploy and caught the edit'],
    [1, 'the demo failed (the reason on stderr)'],
    [2, 'a bad command line'],
  ],
  usageExitCode: 2,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdk.tf.json as cdktf wrote it, read for the demo's output only
type Json = Record<string, any>;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function main(): Promise<number> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-demo-'));
  const emulator = await new GenesysEmulator({ clients: { [CLIENT.id]: CLIENT.secret }, jobDurationMs: 50 }).start();
  const env = {
    ...process.env,
    GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT.id,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: CLIENT.secret,
    GENESYSCLOUD_REGION: 'us-east-1',
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: String(emulator.port),
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
    FLOW_CHECK_WAIT_SECONDS: '10',
  };
  try {
    console.log(`1. emulator listening on ${emulator.url}`);
    const dev = ENVIRONMENTS.find((e) => e.name === 'dev')!;
    synthToDirectory(path.join(work, 'cdktf.out'), [dev]);
    const stackDir = path.join(work, 'cdktf.out', 'stacks', 'contact-center-dev');
    const synthesized = SynthesizedStack.read(stackDir);
    const stack = synthesized.json as Json;
    console.log('2. synthesized contact-center-dev');

    const ops = new ArchitectOps(await GenesysClient.connect(settingsFromEnvironment(env)));
    for (const message of await applyLikeProvider(ops, synthesized, { intervalMs: 50 }))
      console.log(`   ${terminalText(scrubKnownSecrets(message))}`);

    // The stack's one post-apply check (the destroy guards run only on destroy).
    const check = Object.values(stack.resource.terraform_data as Record<string, Json>).find(
      (r) => r.provisioner?.[0]?.['local-exec']?.when !== 'destroy',
    )!;
    const runCheck = async () => {
      const exec = check.provisioner[0]['local-exec'];
      const input = JSON.parse(synthesized.resolve(JSON.stringify(check.input))) as StackCheckInput;
      const [, handler] = /node "([^"]+)"/.exec(exec.command)!;
      const result = await run(process.execPath, [handler, 'create'], stackDir, { ...env, ...stackCheckEnvironment(input) });
      // The handler prints inert lines already; they are checked again as they pass through.
      console.log(terminalLines(scrubKnownSecrets(result.output.trimEnd())).replace(/^/gm, '   '));
      return result.code;
    };
    console.log('3. the flow check after the deploy (what terraform apply runs, once for the stack):');
    if ((await runCheck()) !== 0) throw new Error('the flow check failed right after the deploy');

    console.log('4. someone edits the shared flow in Architect and publishes it:');
    const module = await ops.findFlow('DEV Shared PIN Auth', 'COMMONMODULE');
    const edited = synthesized.flows.find((f) => f.type === 'COMMONMODULE')!.yaml.replace('Please enter your four digit PIN.', 'Enter your PIN now!');
    emulator.seedFlow(edited);
    console.log(`   flow ${module!.id} now has a version published by user Architect User`);
    console.log('5. the flow check, run again:');
    const code = await runCheck();
    if (code !== 1) throw new Error(`expected the check to fail with exit code 1, got ${code}`);
    console.log(`demo complete: the check passed after the deploy and caught the Architect edit (${emulator.totalRequests} API requests served)`);
    return 0;
  } finally {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

parseCommandLine(DEMO_COMMAND);
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(terminalText(`demo failed: ${errorText(err)}`));
    process.exit(1);
  },
);
