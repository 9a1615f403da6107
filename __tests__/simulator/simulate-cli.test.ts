import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const simulate = (...args: string[]) => spawnSync(process.execPath, ['dist/tools/simulate.js', ...args], { cwd: root, encoding: 'utf8' });
/** The example answers: the caller's number is known, its PIN is 2468. */
const knownCaller = (env: string) => ['--answers', `examples/simulate/known-caller.${env}.json`];

describe('npm run simulate (compiled)', () => {
  it('prints the transcript of a call and where it ended', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '2468', ...knownCaller('dev'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 2468; → success');
    expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue DEV Sales');
  });

  it("shows keys typed ahead past a collect's count", () => {
    const run = simulate('--env', 'test', '--ivr', 'Sales IVR', '--dtmf', '12342468', ...knownCaller('test'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 1234; typed ahead 2468; → success');
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 2468; → success');
    expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue TEST Sales (in-queue flow TEST In-Queue Hold)');
  });

  it('writes JSON with the transcript and the outcome', () => {
    const run = simulate(
      '--env',
      'dev',
      '--ivr',
      'DEV Support IVR',
      '--dtmf',
      'none',
      '--dtmf',
      'none',
      '--dtmf',
      'none',
      '--format',
      'json',
      ...knownCaller('dev'),
    );
    const result = JSON.parse(run.stdout);
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'DEV Operator' });
    expect(result.transcript.filter((t: { input?: unknown }) => t.input === null)).toHaveLength(3);
  });

  it('takes participant data as name=value, and refuses anything else (exit 1)', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '2468', '--participant-data', 'Tier=gold=1', ...knownCaller('dev'));
    expect(run.status).toBe(0);
    const bad = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--participant-data', 'Tier');
    expect(bad.stderr).toContain('simulate: --participant-data Tier: write name=value');
    expect(bad.status).toBe(1);
  });

  describe('--answers <file.json>', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-answers-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const answersFile = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };

    it('takes the data answers of a JSON file', () => {
      const answers = {
        dataActions: { 'DEV Account PIN Lookup': [{ when: { accountNumber: '' }, answer: 'timeout' }, { answer: { success: { found: false } } }] },
        dataTables: { Branches: { B1: { queue: 'Berlin' } } },
      };
      const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--answers', answersFile('good.json', JSON.stringify(answers)));
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('DEV Account PIN Lookup');
      expect(run.stdout).toMatch(/timeout/);
      expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue DEV Operator');
      expect(run.status).toBe(0);
    });

    it('shows a value the answer left out as NOT_SET, not as a JavaScript artefact', () => {
      const answers = { dataActions: { 'DEV Account PIN Lookup': { success: { found: true, accountNumber: '70012345' } } } };
      const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '2468', '--answers', answersFile('no-pin.json', JSON.stringify(answers)));
      expect(run.stdout).toContain('outputs {"accountNumber":"70012345","found":true,"pin":NOT_SET}');
      expect(run.stdout).toContain('Common.AccountPin = NOT_SET');
      expect(run.stdout).not.toMatch(/undefined|null/);
    });

    it.each([
      ['text that is not JSON', '{dataActions:', /simulate: --answers .*text-that-is-not-JSON\.json: not JSON/],
      [
        'JSON that is not answers',
        '{"dataActions": {"Lookup customer": "ok"}}',
        /simulate: --answers JSON-that-is-not-answers\.json\.dataActions\["Lookup customer"\] must be 'failure', 'timeout' or/,
      ],
      [
        'answers with an unknown key',
        '{"dataAction": {}}',
        /simulate: --answers answers-with-an-unknown-key\.json\.dataAction is not known: write dataActions and \/ or dataTables/,
      ],
    ])('refuses a file of %s (exit 1, no stack trace)', (what, text, message) => {
      const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--answers', answersFile(`${what.replace(/ /g, '-')}.json`, text));
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status).toBe(1);
    });

    it('refuses a file it cannot read (exit 1)', () => {
      const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--answers', path.join(dir, 'missing.json'));
      expect(run.stderr).toContain('missing.json: cannot read it (ENOENT)');
      expect(run.status).toBe(1);
    });
  });

  it('refuses --emergency for an IVR whose flow evaluates no emergency group (exit 1, no stack trace)', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--emergency');
    expect(run.stderr).toContain("simulate: emergency: flow 'DEV Sales IVR' evaluates no emergency group");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(1);
  });

  it('exits 1 on an unknown IVR, listing the known ones', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Nope');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no IVR 'Nope' in dev; IVRs: DEV Sales IVR, DEV Support IVR");
  });
});
