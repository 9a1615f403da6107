import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const STACKS = ['contact-center-dev', 'contact-center-test', 'contact-center-prod'];
const FAKE_CREDENTIALS = {
  GENESYSCLOUD_OAUTHCLIENT_ID: 'cli-fake-client-id-3e8d1a',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cli-fake-client-secret-c07f52',
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const relativeFiles = (dir: string) =>
  files(dir)
    .map((f) => path.relative(dir, f))
    .sort();

/** Runs node in a child process (cwd: the repo). */
function node(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return spawnSync(process.execPath, args, { cwd: options.cwd ?? root, encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 30000 });
}

describe('compiled synth (node dist/tools/synth.js)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-cli-'));
  const outA = path.join(work, 'out-a');
  const outB = path.join(work, 'out-b');
  let runs: ReturnType<typeof node>[] = [];

  /** Writes a CommonJS script into the temp folder and runs it; `body` may use `dist(...)` paths. */
  function script(name: string, body: string, options: { env?: NodeJS.ProcessEnv; args?: string[] } = {}) {
    const file = path.join(work, `${name}.js`);
    fs.writeFileSync(file, `const dist = (p) => require(${JSON.stringify(dist())} + '/' + p);\n${body}\n`);
    return node([...(options.args ?? []), file], { env: options.env, cwd: work });
  }

  beforeAll(() => {
    // jest's global setup (__tests__/build-once.js) compiles the app once for every test file, so that
    // parallel test files never race writing dist/. Compile here only when run without it.
    if (!fs.existsSync(dist('tools', 'synth.js')) || !fs.existsSync(dist('runtime', 'synth', 'synth-runner.js'))) {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
        cwd: root,
        stdio: 'pipe',
      });
    }
    runs = [outA, outB].map((out) => node([dist('tools', 'synth.js'), out], { env: FAKE_CREDENTIALS }));
  }, 60000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  describe('valid configuration', () => {
    it('exits 0 and reports the stacks it wrote', () => {
      for (const run of runs) {
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        expect(run.stdout).toContain(`synthesized ${STACKS.join(', ')} into`);
      }
    });

    it('writes the three stack folders, each with cdk.tf.json and flow YAML', () => {
      expect(fs.readdirSync(path.join(outA, 'stacks')).sort()).toEqual([...STACKS].sort());
      for (const stack of STACKS) {
        const stackFiles = relativeFiles(path.join(outA, 'stacks', stack));
        expect(stackFiles).toContain('cdk.tf.json');
        expect(stackFiles.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(3);
      }
      expect(fs.existsSync(path.join(outA, 'manifest.json'))).toBe(true);
    });

    it('is deterministic: two runs give the same files, byte for byte', () => {
      const a = relativeFiles(outA);
      expect(relativeFiles(outB)).toEqual(a);
      expect(a.filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(3);
      expect(a.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(9);
      for (const f of a) {
        const same = fs.readFileSync(path.join(outA, f)).equals(fs.readFileSync(path.join(outB, f)));
        if (!same) throw new Error(`${f} differs between two synths`);
      }
    });

    it('writes no credentials from the environment and no machine paths', () => {
      const forbidden = [...Object.values(FAKE_CREDENTIALS), work, root, os.tmpdir()];
      for (const file of files(outA)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const needle of forbidden) if (text.includes(needle)) throw new Error(`${path.relative(outA, file)} contains ${JSON.stringify(needle)}`);
        // Bundled handler code may name the credential variables; configuration and flows never do.
        if (!file.endsWith('.js') && /oauthclient/i.test(text)) throw new Error(`${path.relative(outA, file)} mentions oauthclient`);
      }
      for (const run of runs) for (const secret of Object.values(FAKE_CREDENTIALS)) expect(run.stdout).not.toContain(secret);
    });

    it('replaces a previous output folder as a whole (no stale files survive)', () => {
      const out = path.join(work, 'out-replace');
      fs.mkdirSync(path.join(out, 'stacks', 'contact-center-old'), { recursive: true });
      fs.writeFileSync(path.join(out, 'stacks', 'contact-center-old', 'cdk.tf.json'), '{}');
      const run = node([dist('tools', 'synth.js'), out]);
      expect(run.status).toBe(0);
      expect(relativeFiles(out)).toEqual(relativeFiles(outA));
      expect(fs.readdirSync(work).filter((f) => /\.(partial|previous)-/.test(f))).toEqual([]);
    });
  });

  it('prints one notice per raw action on stderr (nothing checked its content), and still synthesizes', () => {
    // The seed has no raw action: a preload gives the after-hours flow one before the synth starts.
    const preload = path.join(work, 'raw-action-preload.js');
    fs.writeFileSync(
      preload,
      `const flowModule = require(${JSON.stringify(dist('flow', 'index.js'))});
      const afterHours = require(${JSON.stringify(dist('stacks', 'flows', 'after-hours.js'))});
      const original = afterHours.afterHoursFlow;
      afterHours.afterHoursFlow = (options) => {
        const props = original(options);
        const closed = new flowModule.Task('Closed', [new flowModule.RawAction('Wrap up', { setWrapupCode: { name: 'Wrap up' } }), new flowModule.Disconnect('Hang up')]);
        return { ...props, startUp: closed, tasks: [closed] };
      };\n`,
    );
    const out = path.join(work, 'out-raw');
    const run = node(['-r', preload, dist('tools', 'synth.js'), out]);
    expect(run.status).toBe(0);
    const notices = run.stderr.split('\n').filter((line) => line.startsWith('notice: '));
    expect(notices).toEqual(
      ['contact-center-test', 'contact-center-prod'].map(
        (stack) => `notice: raw action not checked (RawAction: its Archy content is written as is): ${stack}/AfterHours > tasks > Closed > Wrap up`,
      ),
    );
    const yaml = fs.readFileSync(
      files(path.join(out, 'stacks', 'contact-center-test')).find((f) => /After-Hours\.yaml$/.test(f))!,
      'utf8',
    );
    expect(yaml).toContain('setWrapupCode:');
  });

  describe('invalid configuration (runSynth from runtime/synth/synth-runner)', () => {
    const badConfig = `
      const { ENVIRONMENTS } = dist('config/index.js');
      const dev = ENVIRONMENTS[0];
      const bad = { ...dev,
        region: 'mars-1',
        backend: { type: 'local', path: '/var/state/dev.tfstate' },
        ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['555-0100'], didPool: undefined } } };
      const environments = [bad, ENVIRONMENTS[1], ENVIRONMENTS[2]];`;

    it('exits 1, lists every problem and writes no stack (App with a temp outdir)', () => {
      const out = path.join(work, 'bad-app-out');
      const run = script(
        'bad-app',
        `${badConfig}
        const { App } = require(${JSON.stringify(path.join(root, 'node_modules', 'cdktf'))});
        const { runSynth } = dist('runtime/synth/synth-runner.js');
        const { addEnvironments } = dist('stacks/index.js');
        runSynth(() => {
          const app = new App({ outdir: ${JSON.stringify(out)} });
          addEnvironments(app, environments);
          app.synth();
        });`,
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      for (const code of ['GC3001', 'GC3002', 'GC3004']) expect(run.stderr).toContain(code);
      expect(run.stderr).toMatch(/^synth failed: 3 problem\(s\) in environment configuration:/);
      expect(run.stderr).toContain('[environments[dev].region]');
      expect(run.stderr).toContain('[environments[dev].ivrs.sales.dnis[0]]');
      expect(run.stderr).toContain('[environments[dev].backend.path]');
      expect(run.stderr).not.toContain('internal error');
      // Nothing was synthesized. (cdktf's App constructor itself creates the outdir and its stacks/
      // folder before the configuration is checked; see the report on main.ts.)
      const left = fs.existsSync(out) ? relativeFiles(out) : [];
      expect(left).toEqual([]);
    });

    it('exits 1 and leaves no output folder behind through synthToDirectory (the synth tool)', () => {
      const out = path.join(work, 'bad-tool-out');
      const run = script(
        'bad-tool',
        `${badConfig}
        const { runSynth } = dist('runtime/synth/synth-runner.js');
        const { synthToDirectory } = dist('tools/synth.js');
        runSynth(() => synthToDirectory(${JSON.stringify(out)}, environments));`,
      );
      expect(run.status).toBe(1);
      for (const code of ['GC3001', 'GC3002', 'GC3004']) expect(run.stderr).toContain(code);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(work).filter((f) => f.startsWith('bad-tool-out'))).toEqual([]);
    });

    it('exits 1 and leaves a previous output folder as it was', () => {
      const out = path.join(work, 'bad-keep-out');
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'keep.txt'), 'previous output');
      const run = script(
        'bad-keep',
        `${badConfig}
        dist('runtime/synth/synth-runner.js').runSynth(() => dist('tools/synth.js').synthToDirectory(${JSON.stringify(out)}, environments));`,
      );
      expect(run.status).toBe(1);
      expect(fs.readdirSync(out)).toEqual(['keep.txt']);
      expect(fs.readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('previous output');
    });

    it('exits 1 from dist/main.js too (embedded config made invalid before it runs)', () => {
      const out = path.join(work, 'bad-main-out');
      const preload = path.join(work, 'break-config.js');
      fs.writeFileSync(
        preload,
        `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'index.js'))});
         ENVIRONMENTS[0] = { ...ENVIRONMENTS[0], region: 'mars-1', backend: { type: 'local', path: '/abs/state' } };`,
      );
      const run = node(['-r', preload, dist('main.js')], { env: { CDKTF_OUTDIR: out } });
      expect(run.status).toBe(1);
      for (const code of ['GC3001', 'GC3004']) expect(run.stderr).toContain(code);
      const left = fs.existsSync(out) ? relativeFiles(out) : [];
      expect(left).toEqual([]);
    });

    /** Runs the synth tool (what `npm run synth` runs) after `breakConfig`, a script changing the embedded config. */
    function synthWith(name: string, breakConfig: string) {
      const preload = path.join(work, `${name}.js`);
      fs.writeFileSync(preload, `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'index.js'))});\n${breakConfig}\n`);
      return node(['-r', preload, dist('tools', 'synth.js'), path.join(work, `${name}-out`)]);
    }

    // pinAuth is where a PIN or service credential is pasted by mistake; synth's stderr ends up in CI logs.
    it.each([
      ['url', "'https:/svc:S3cr3t@accounts.example.com/lookup'"],
      ['url', "'https://svc:S3cr3t/x@accounts.example.com/lookup'"],
      ['url', "'https://svc:S3cr3t?@accounts.example.com/lookup'"],
      ['url', "'https://svc:S3cr3t#x@accounts.example.com/lookup'"],
      ['url', "' https://svc:S3cr3t@accounts.example.com/lookup'"],
      ['url', "'svc:S3cr3t@accounts.example.com/lookup'"],
      ['url', String.raw`'https:\\\\svc:S3cr3t@accounts.example.com/lookup'`],
      ['url', "'https://accounts.example.com/lookup?pin=9876&x=$y'"],
      ['integrationName', "' 9876'"],
      ['9876', 'true'],
    ])('exits 1 without printing the secret of pinAuth.accountLookup[%p] = %s', (field, value) => {
      const run = synthWith(
        'bad-pin-auth',
        `const dev = ENVIRONMENTS[0];
        const accountLookup = { ...dev.pinAuth.accountLookup, ${JSON.stringify(field)}: ${value} };
        ENVIRONMENTS[0] = { ...dev, pinAuth: { ...dev.pinAuth, accountLookup } };`,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/GC300[58] \[environments\[dev\]\.pinAuth\.accountLookup/);
      expect(run.stderr + run.stdout).not.toMatch(/S3cr3t|9876/);
    });

    it('exits 1 without printing a PIN written as accountLookup', () => {
      const run = synthWith('bad-account-lookup', `ENVIRONMENTS[0] = { ...ENVIRONMENTS[0], pinAuth: { maxAttempts: 3, accountLookup: '9876' } };`);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('GC3005 [environments[dev].pinAuth.accountLookup] accountLookup must be an object (value: "(not shown)")');
      expect(run.stderr).not.toContain('9876');
    });

    it('exits 1 on a name prefix too long for the flow names built from it (config validation, before the flows)', () => {
      const out = path.join(work, 'bad-prefix-out');
      const run = script(
        'bad-prefix',
        `const { ENVIRONMENTS } = dist('config/index.js');
        dist('runtime/synth/synth-runner.js').runSynth(() => dist('tools/synth.js').synthToDirectory(${JSON.stringify(out)}, [{ ...ENVIRONMENTS[0], namePrefix: 'D'.repeat(190) }]));`,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/GC3003 \[environments\[dev\]\.namePrefix\] name prefix is longer than 185 characters/);
      expect(fs.existsSync(out)).toBe(false);
    });

    it('exits 1 on an invalid flow definition, naming the construct path', () => {
      const out = path.join(work, 'bad-flow-out');
      const run = script(
        'bad-flow',
        `const { App, TerraformStack } = require(${JSON.stringify(path.join(root, 'node_modules', 'cdktf'))});
        const { SharedFlow } = dist('constructs/index.js');
        const { ACCOUNT_LOOKUP_CONTRACT, pinAuthFlow } = dist('stacks/index.js');
        const { dataActionNamed } = dist('flow/index.js');
        dist('runtime/synth/synth-runner.js').runSynth(() => {
          const app = new App({ outdir: ${JSON.stringify(out)} });
          const accountLookup = dataActionNamed('Account Data Actions', 'Account PIN Lookup', ACCOUNT_LOOKUP_CONTRACT);
          new SharedFlow(new TerraformStack(app, 'custom'), 'PinAuth', pinAuthFlow({ flowName: 'D'.repeat(210), division: 'Home', maxAttempts: 3, accountLookup }));
          app.synth();
        });`,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/GC1014 \[custom\/PinAuth\] flow name is longer than 200 characters/);
      expect(fs.existsSync(out) ? relativeFiles(out) : []).toEqual([]);
    });

    it('exits 1 when a DNIS is outside its DID pool (config validation catches it before the constructs)', () => {
      const out = path.join(work, 'bad-construct-out');
      const run = script(
        'bad-construct',
        `const { ENVIRONMENTS } = dist('config/index.js');
        const dev = ENVIRONMENTS[0];
        const env = { ...dev, ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['+13175550199'] } } };
        dist('runtime/synth/synth-runner.js').runSynth(() => dist('tools/synth.js').synthToDirectory(${JSON.stringify(out)}, [env]));`,
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/GC3002 \[environments\[dev\]\.ivrs\.sales\.dnis\[0\]\] number is outside the DID pool/);
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  describe('internal errors', () => {
    it('exit 2 for an unexpected exception', () => {
      const run = script('internal', `dist('runtime/synth/synth-runner.js').runSynth(() => { throw new TypeError('boom'); });`);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('internal error');
      expect(run.stderr).toContain('TypeError: boom');
    });

    it('exit 2 when the output folder cannot be written', () => {
      const blocker = path.join(work, 'not-a-folder');
      fs.writeFileSync(blocker, 'a file');
      const run = node([dist('tools', 'synth.js'), path.join(blocker, 'out')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('internal error');
      expect(fs.readFileSync(blocker, 'utf8')).toBe('a file');
    });
  });
});
