import { spawn } from 'child_process';
import * as path from 'path';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { applyLikeProvider } from '../../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { TEST_CLIENT_ID, connect, emulatorEnv, startEmulator } from '../support/emulator';

// `npm run drift` as the compiled CLI (dist/tools/drift.js), for drift.test.ts: one run per distinct
// behaviour (exit codes, formats, scrubbing of our client id). Each run synthesizes the stacks itself
// (~1 s), so they are all started at once, as separate processes, each against its own emulator holding
// the org state it needs, while the test file goes on with its checks in process; its last tests look at
// the results.

const root = path.resolve(__dirname, '..', '..');
const poll = { intervalMs: 20, timeoutMs: 5000 };
export const FORMATS = ['table', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export interface CliRun {
  code: number | null;
  stdout: string;
  /** stdout and stderr. */
  out: string;
}

export interface DriftCliRuns {
  /** In sync (json): exit 0. */
  inSync: Promise<CliRun>;
  /** Drift (a version published by a user, our client's edit and lock, a DNIS changed), per format: exit 2. */
  drifted: Record<Format, Promise<CliRun>>;
  /** The same org, its flow listing unreadable with an excerpt naming our client, per format: exit 1. */
  unreadable: Record<Format, Promise<CliRun>>;
  /** An unknown environment: exit 1. */
  unknownEnv: Promise<CliRun>;
  /** Waits for every run, then stops the emulators. */
  stop: () => Promise<void>;
}

function run(emulator: GenesysEmulator | undefined, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/tools/drift.js', ...args, '--export-first-poll-ms', '100'], {
      cwd: root,
      env: { ...process.env, ...(emulator ? emulatorEnv(emulator) : {}) },
    });
    let stdout = '';
    let out = '';
    child.stdout.on('data', (d) => ((stdout += d), (out += d)));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, stdout, out }));
  });
}

/**
 * Deploys the orgs one at a time (the SDK's API client is one per process: two connections at once would
 * cross; call this before any other connection of the test file is in use), then starts every run.
 */
export async function startDriftCliRuns(stack: SynthesizedStack): Promise<DriftCliRuns> {
  const emulators: GenesysEmulator[] = [];
  const yamlOf = (name: string) => stack.flows.find((f) => f.name === name)!.yaml;
  const deployed = async () => {
    const emulator = await startEmulator();
    emulators.push(emulator);
    await applyLikeProvider(new ArchitectOps(await connect(emulator)), stack, poll);
    return emulator;
  };
  const drift = (emulator: GenesysEmulator) => {
    emulator.seedFlow(yamlOf('TEST Sales IVR').replace('Welcome to Sales.', 'Welcome!'), { kind: 'client', id: TEST_CLIENT_ID });
    [...emulator.org.flows.values()].find((f) => f.name === 'TEST Sales IVR')!.lockedBy = { kind: 'client', id: TEST_CLIENT_ID };
    emulator.seedFlow(yamlOf('TEST After Hours'));
    [...emulator.org.ivrs.values()][0].dnis = [];
    return emulator;
  };
  const clean = await deployed();
  const driftedOrg = drift(await deployed());
  const unreadableOrgs: GenesysEmulator[] = [];
  for (let i = 0; i < FORMATS.length; i++) {
    const emulator = drift(await deployed());
    const bad = {
      entities: [{ id: 'f-1', type: 'INBOUNDCALL', lockedClient: { id: TEST_CLIENT_ID } }],
      pageSize: 500,
      pageNumber: 1,
      total: 1,
      pageCount: 1,
    };
    emulator.faults.add({ kind: 'body', body: JSON.stringify(bad), count: 1, path: '/api/v2/flows' });
    unreadableOrgs.push(emulator);
  }
  const runs = {
    inSync: run(clean, '--env', 'test', '--format', 'json'),
    drifted: Object.fromEntries(FORMATS.map((f) => [f, run(driftedOrg, '--env', 'test', '--format', f)])) as Record<Format, Promise<CliRun>>,
    unreadable: Object.fromEntries(FORMATS.map((f, i) => [f, run(unreadableOrgs[i], '--env', 'test', '--format', f)])) as Record<
      Format,
      Promise<CliRun>
    >,
    unknownEnv: run(undefined, '--env', 'nowhere'),
  };
  return {
    ...runs,
    stop: async () => {
      await Promise.allSettled([runs.inSync, runs.unknownEnv, ...Object.values(runs.drifted), ...Object.values(runs.unreadable)]);
      await Promise.all(emulators.map((e) => e.stop()));
    },
  };
}
