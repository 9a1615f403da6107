/**
 * Drift near its request floor (issue 13 item 4): the export poll schedule the CLI uses, the floor the
 * benchmark prints, and the real check (in process and the compiled CLI) reaching the floor with every
 * request counted (token, API, presigned downloads).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DriftRequests, driftRequestFloor, measureDrift, requestsServed, targetFor } from '../../bench/drift-bench';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps, EXPORT_POLL_DEFAULTS, exportPollSchedule } from '../../runtime/architect/architect-ops';
import { applyLikeProvider } from '../../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { synthToDirectory } from '../../tools/synth';
import { connect, emulatorEnv, startEmulator } from '../support/emulator';

const root = path.resolve(__dirname, '..', '..');

const POLL_ROUTE = 'GET /api/v2/flows/export/jobs/{id}';
const firstWaits = (schedule: Generator<number, never>, n: number) => Array.from({ length: n }, () => schedule.next().value);

describe('export job polling', () => {
  it('by default: first poll after 2 s, then 2 s growing by half up to 5 s (not tuned to any emulator delay)', () => {
    expect(EXPORT_POLL_DEFAULTS).toEqual({ firstPollMs: 2000, intervalMs: 2000, maxIntervalMs: 5000, growth: 1.5 });
    expect(firstWaits(exportPollSchedule(), 7)).toEqual([2000, 2000, 3000, 4500, 5000, 5000, 5000]);
  });

  it('an interval given alone is a fixed interval, the first poll included (as callers and tests relied on)', () => {
    expect(firstWaits(exportPollSchedule({ intervalMs: 20 }), 4)).toEqual([20, 20, 20, 20]);
    expect(firstWaits(exportPollSchedule({ intervalMs: 0 }), 3)).toEqual([0, 0, 0]);
    expect(firstWaits(exportPollSchedule({ intervalMs: 100, firstPollMs: 10, maxIntervalMs: 300 }), 5)).toEqual([10, 100, 150, 225, 300]);
    // A maximum below the interval is the interval.
    expect(firstWaits(exportPollSchedule({ intervalMs: 100, maxIntervalMs: 50 }), 3)).toEqual([100, 100, 100]);
  });

  it('values that are not finite waits from 0 to MAX_POLL_MS fall back to the defaults', () => {
    expect(firstWaits(exportPollSchedule({ intervalMs: NaN, firstPollMs: -1, maxIntervalMs: Infinity }), 5)).toEqual([2000, 2000, 3000, 4500, 5000]);
  });

  describe('jobs in flight together poll as one wave', () => {
    let emulator: GenesysEmulator;
    afterEach(() => emulator.stop());

    it('only the lead pays for jobs slower than the first poll; the others poll once, after it', async () => {
      emulator = await startEmulator({ jobDurationMs: 350 });
      const ops = new ArchitectOps(await connect(emulator));
      const flows = [1, 2, 3].map((i) => emulator.seedFlow(`commonModule:\n  name: Wave ${i}\n  startUpTaskActions: []\n`));
      const exported = await Promise.all(flows.map((f) => ops.exportVersions([{ id: f.id, version: f.publishedVersionId! }], { intervalMs: 100 })));
      exported.forEach((e, i) => expect(e.get(flows[i].id)).toContain(`name: Wave ${i + 1}`));
      // The lead polls at 100, 200, 300, 400 ms (done at ~350); each other job polls once. Three jobs
      // polling on their own would make about 12; on a loaded machine the lead may need fewer polls.
      const polls = emulator.requestCounts.get(POLL_ROUTE)!;
      expect(polls).toBeGreaterThanOrEqual(3);
      expect(polls).toBeLessThanOrEqual(5 + 2);
    });

    it('a lead that never ends does not hold the others past their own time budget', async () => {
      emulator = await startEmulator({ jobDurationMs: 60_000 });
      const ops = new ArchitectOps(await connect(emulator));
      const flows = [1, 2].map((i) => emulator.seedFlow(`commonModule:\n  name: Stuck ${i}\n  startUpTaskActions: []\n`));
      const started = Date.now();
      const results = await Promise.all(
        flows.map((f) => ops.exportVersions([{ id: f.id, version: f.publishedVersionId! }], { intervalMs: 50, timeoutMs: 400 }).catch((e) => e)),
      );
      expect(Date.now() - started).toBeLessThan(3000);
      results.forEach((r) => expect(r).toMatchObject({ code: 'GC4004' }));
    });

    it('a poll answered 429 waits its Retry-After and the export still completes', async () => {
      emulator = await startEmulator({ jobDurationMs: 20 });
      const ops = new ArchitectOps(await connect(emulator));
      const flow = emulator.seedFlow('commonModule:\n  name: Limited\n  startUpTaskActions: []\n');
      emulator.faults.add({ kind: 'status', status: 429, count: 1, path: '/api/v2/flows/export/jobs/', retryAfterSeconds: 1 });
      const started = Date.now();
      const exported = await ops.exportVersions([{ id: flow.id, version: flow.publishedVersionId! }], { intervalMs: 30 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(exported.get(flow.id)).toContain('name: Limited');
      expect(emulator.requestCounts.get(POLL_ROUTE)).toBe(2);
    });
  });
});

describe('the request floor of a drift check', () => {
  interface CliFloorRun {
    code: number | null;
    floor: DriftRequests;
    total: number;
    polls: number;
    downloads: number;
  }
  /**
   * The compiled CLI's runs, started in beforeAll so that their wait on the real first poll (2 s) and
   * the in-process check's below overlap: the defaults and --export-first-poll-ms 300 (each against its
   * own org, so each counts only its own requests), and four values the CLI refuses.
   */
  let cliRuns: Promise<CliFloorRun[]>;
  let cliRefusals: Promise<(number | null)[]>;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-floor-'));
  const emulators: GenesysEmulator[] = [];

  beforeAll(async () => {
    const env = ENVIRONMENTS.find((e) => e.name === 'test')!;
    synthToDirectory(path.join(work, 'out'), [env]);
    const stack = SynthesizedStack.read(path.join(work, 'out', 'stacks', 'contact-center-test'));
    const run = (emulator: GenesysEmulator | undefined, ...args: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['dist/tools/drift.js', '--env', 'test', '--format', 'json', ...args], {
          cwd: root,
          env: { ...process.env, ...(emulator ? emulatorEnv(emulator) : {}) },
          stdio: 'ignore',
        });
        child.on('close', resolve);
      });
    // Refused before anything is synthesized or requested (no emulator needed).
    cliRefusals = Promise.all(['abc', '-1', '1.5', '600001'].map((value) => run(undefined, '--export-first-poll-ms', value)));
    // The orgs are deployed one at a time (the SDK's API client is one per process), before the
    // in-process check connects; the runs are separate processes.
    const orgs: GenesysEmulator[] = [];
    for (let i = 0; i < 2; i++) {
      const emulator = await startEmulator({ jobDurationMs: 50 });
      emulators.push(emulator);
      await applyLikeProvider(new ArchitectOps(await connect(emulator)), stack, { intervalMs: 20, timeoutMs: 5000 });
      orgs.push(emulator);
    }
    cliRuns = Promise.all(
      [[], ['--export-first-poll-ms', '300']].map(async (args, i) => {
        const emulator = orgs[i];
        const orgFlows = [...emulator.org.flows.values()].filter((f) => ['inboundcall', 'commonmodule'].includes(f.type.toLowerCase())).length;
        const floor = driftRequestFloor({ orgFlows, exportedFlows: stack.flows.length, orgIvrs: emulator.org.ivrs.size, batch: 100 });
        const before = requestsServed(emulator);
        const code = await run(emulator, ...args);
        const after = requestsServed(emulator);
        return { code, floor, total: after.total - before.total, polls: after.polls - before.polls, downloads: after.downloads - before.downloads };
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([cliRuns, cliRefusals]);
    await Promise.all(emulators.map((e) => e.stop()));
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('is 1 token + flow pages of 500 + 3 per export job (register, poll, download) + IVR pages of 100', () => {
    expect(driftRequestFloor({ orgFlows: 10, exportedFlows: 10, orgIvrs: 10, batch: 100 }).total).toBe(6);
    expect(driftRequestFloor({ orgFlows: 1000, exportedFlows: 1000, orgIvrs: 1000, batch: 100 })).toEqual({
      token: 1,
      flowPages: 2,
      exportJobs: 10,
      polls: 10,
      downloads: 10,
      ivrPages: 10,
      other: 0,
      total: 43,
    });
    expect(driftRequestFloor({ orgFlows: 501, exportedFlows: 401, orgIvrs: 101, batch: 200 }).total).toBe(1 + 2 + 3 * 3 + 2);
    // An empty org: the login and one (empty) page of each listing, no export job.
    expect(driftRequestFloor({ orgFlows: 0, exportedFlows: 0, orgIvrs: 0, batch: 100 }).total).toBe(3);
    expect([targetFor(6), targetFor(43), targetFor(10)]).toEqual([6, 47, 11]);
  });

  it('is what the check makes with the CLI defaults, downloads included (150 flows, 150 IVRs, 2 export jobs)', async () => {
    const progress: string[] = [];
    const result = await measureDrift({ flows: 150, ivrs: 150, batch: 100, jobMs: 50 }, (line) => progress.push(line));
    expect(result.measured).toEqual(result.floor);
    expect(result.measured).toMatchObject({ total: 10, downloads: 2, polls: 2, ivrPages: 2 });
    expect(result.withinTarget).toBe(true);
    expect(progress.some((l) => /150 flows, 150 IVRs: 10 requests \(floor 10/.test(l))).toBe(true);
  }, 20_000);

  it('npm run drift (compiled) makes exactly the floor, with no poll timing of its own; --export-first-poll-ms is checked', async () => {
    // The defaults, then the first poll moved (--export-first-poll-ms): the floor either way.
    for (const result of await cliRuns) {
      expect(result.code).toBe(0);
      expect(result.total).toBe(result.floor.total);
      expect(result.polls).toBe(result.floor.polls);
      expect(result.downloads).toBe(result.floor.downloads);
    }
    for (const code of await cliRefusals) expect(code).toBe(1);
  }, 60_000);
});
