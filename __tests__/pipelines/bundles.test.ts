import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { synthToDirectory } from '../../tools/synth';
import { emulatorEnv, startEmulator } from '../support/emulator';
import { run } from '../support/processes';

const root = path.resolve(__dirname, '..', '..');
let work: string;
let emulator: GenesysEmulator | undefined;

/** The pipeline jobs with credentials get `dist/pipeline` and `dist/handlers` only: no node_modules, no sources. */
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
  for (const folder of ['pipeline', 'handlers']) fs.cpSync(path.join(root, 'dist', folder), path.join(work, 'dist', folder), { recursive: true });
});
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
  fs.rmSync(work, { recursive: true, force: true });
});

const bundle = (name: string) => path.relative(root, path.join(work, 'dist', 'pipeline', `${name}.js`));

describe('bundled pipeline tools (Node alone)', () => {
  it('drift checks an org, and importing it runs no other command (no synth into its arguments)', async () => {
    emulator = await startEmulator();
    const r = await run(bundle('drift'), ['--env', 'dev', '--format', 'json'], emulatorEnv(emulator), work, 60_000);
    expect(r.code).toBe(2); // nothing published in the fresh emulator: every flow is missing
    expect(r.stdout).toContain('flow-missing');
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  it('drift without credentials is "could not check" (exit 1)', async () => {
    const r = await run(bundle('drift'), ['--env', 'dev'], { GENESYSCLOUD_OAUTHCLIENT_ID: '', GENESYSCLOUD_OAUTHCLIENT_SECRET: '' }, work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('GC4001');
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  it('plan-review writes a review naming an environment without a plan', async () => {
    synthToDirectory(path.join(work, 'out'), ENVIRONMENTS);
    const r = await run(
      bundle('plan-review'),
      ['--plan-failed', 'contact-center-prod=its plan job failed', '--head', path.join(work, 'out')],
      {},
      work,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No plan for contact-center-prod');
  });
});
