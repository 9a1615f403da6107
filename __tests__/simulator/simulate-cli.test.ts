import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const simulate = (...args: string[]) => spawnSync(process.execPath, ['dist/tools/simulate.js', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run simulate (compiled)', () => {
  it('prints the transcript of a call and where it ended', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '1234');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 1234; → success');
    expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue DEV Sales');
  });

  it("shows keys typed ahead past a collect's count", () => {
    const run = simulate('--env', 'test', '--ivr', 'Sales IVR', '--dtmf', '12344321');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 1234; typed ahead 4321; → success');
    expect(run.stdout).toContain('collectDigits    Collect PIN: input 4321; → success');
    expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue TEST Sales');
  });

  it('writes JSON with the transcript and the outcome', () => {
    const run = simulate('--env', 'dev', '--ivr', 'DEV Support IVR', '--dtmf', 'none', '--dtmf', 'none', '--dtmf', 'none', '--format', 'json');
    const result = JSON.parse(run.stdout);
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'DEV Operator' });
    expect(result.transcript.filter((t: { input?: unknown }) => t.input === null)).toHaveLength(3);
  });

  it('takes participant data as name=value, and refuses anything else (exit 1)', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '1234', '--participant-data', 'Tier=gold=1');
    expect(run.status).toBe(0);
    const bad = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--participant-data', 'Tier');
    expect(bad.stderr).toContain('simulate: --participant-data Tier: write name=value');
    expect(bad.status).toBe(1);
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
