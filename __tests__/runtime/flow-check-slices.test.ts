import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { CallFlow } from '../../constructs';
import { FLOWS_PER_VARIABLE } from '../../constructs/flow-check-contract';
import { GenesysEmulator } from '../../emulator';
import { StackCheckInput, stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';
import { TEST_CLIENT_ID, emulatorEnv, startEmulator } from '../support/emulator';
import { messageFlow } from '../support/fixtures';

const root = path.resolve(__dirname, '..', '..');
/** More flows than fit in two slices and than are listed one by one (50). */
const FLOWS = 60;
const EDITED = 55;

// The compiled handler with a stack's input as Terraform passes it (a header and FLOW_CHECK_FLOWS_n
// slices): a flow edited in Architect in a later slice is named with its diff, and the flows that match
// are summed up in one line.
describe('the compiled stack check, flows in several slices', () => {
  let emulator: GenesysEmulator;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-check-slices-'));

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it(`names the one flow of ${FLOWS} edited in Architect (slice ${Math.floor(EDITED / FLOWS_PER_VARIABLE)}) with its diff, and sums up the others`, async () => {
    const stack = new TerraformStack(Testing.app(), 'slices');
    const input: StackCheckInput = {
      header: { region: 'us-east-1', republishExternalCallers: false, flowCount: FLOWS },
      flows: Array.from({ length: FLOWS }, (_, i) => {
        const { rendered } = new CallFlow(stack, `Flow${i}`, messageFlow(`Slice IVR ${i}`, `Message ${i}.`)).publication;
        fs.writeFileSync(path.join(work, `${i}.yaml`), rendered.yaml);
        // Published by this deployment's client, as the provider's import job would; the edited one then again by a user.
        emulator.seedFlow(rendered.yaml, { kind: 'client', id: TEST_CLIENT_ID });
        if (i === EDITED) emulator.seedFlow(rendered.yaml.replace(`Message ${i}.`, 'Edited in Architect.'));
        return { flowName: rendered.name, flowType: 'INBOUNDCALL', contentHash: rendered.contentHash, payloadPath: `${i}.yaml`, substitutions: {} };
      }),
    };
    const env = stackCheckEnvironment(input);
    expect(Object.keys(env).filter((k) => k.startsWith('FLOW_CHECK_FLOWS_'))).toHaveLength(Math.ceil(FLOWS / FLOWS_PER_VARIABLE));

    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'dist', 'handlers', 'flow-check.js'), 'create'], {
        cwd: work,
        env: { ...process.env, ...emulatorEnv(emulator), ...env, FLOW_CHECK_WAIT_SECONDS: '30' },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.output).toContain(`INBOUNDCALL 'Slice IVR ${EDITED}': published version 2.0 differs from the synthesized flow in 1 place(s)`);
    expect(run.output).toContain(`expected "Message ${EDITED}.", published "Edited in Architect."`);
    expect(run.output).toContain(`${FLOWS - 1} of ${FLOWS} flows: the published version matches`);
    expect(run.output.match(/matches the synthesized flow/g)).toHaveLength(1);
    expect(run.code).toBe(1);
  }, 60000);
});
