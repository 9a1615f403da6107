import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { DriftReport, detectDrift } from '../../runtime/drift/drift-check';
import { DRIFT_JSON_SCHEMA_VERSION, exitCodeOf, toJson, toMarkdown, toTable } from '../../runtime/drift/drift-format';
import { applyLikeProvider } from '../../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { synthToDirectory } from '../../tools/synth';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, startEmulator } from '../support/emulator';
import { DriftCliRuns, FORMATS, startDriftCliRuns } from './drift-cli-runs';

const poll = { intervalMs: 20, timeoutMs: 5000 };
const env = ENVIRONMENTS.find((e) => e.name === 'test')!;

describe('drift detection against the emulator', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
  let stack: SynthesizedStack;
  let emulator: GenesysEmulator;
  let ops: ArchitectOps;

  const drift = (): Promise<DriftReport> => detectDrift(ops, stack, 'contact-center-test', { namePrefix: env.namePrefix, poll });
  const kinds = (r: DriftReport) => r.findings.map((f) => `${f.kind}:${f.name}`);
  const flow = (name: string) => [...emulator.org.flows.values()].find((f) => f.name === name)!;
  const yamlOf = (name: string) => stack.flows.find((f) => f.name === name)!.yaml;

  /** The compiled CLI's runs (drift-cli-runs.ts): started first, checked by the last tests. */
  let cli: DriftCliRuns;

  beforeAll(async () => {
    synthToDirectory(path.join(work, 'out'), [env]);
    stack = SynthesizedStack.read(path.join(work, 'out', 'stacks', 'contact-center-test'));
    cli = await startDriftCliRuns(stack);
  }, 60000);
  beforeEach(async () => {
    emulator = await startEmulator();
    ops = new ArchitectOps(await connect(emulator));
    await applyLikeProvider(ops, stack, poll);
  });
  afterEach(() => emulator.stop());
  afterAll(async () => {
    await cli?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('reports in sync right after a deploy', async () => {
    const report = await drift();
    expect(report).toMatchObject({ complete: true, findings: [], checkedFlows: 5, checkedIvrs: 2 });
    expect(exitCodeOf([report])).toBe(0);
  });

  it('sees content edited and republished in Architect, node by node', async () => {
    emulator.seedFlow(yamlOf('TEST Sales IVR').replace('Welcome to Sales.', 'Welcome!'));
    const report = await drift();
    expect(kinds(report)).toEqual(['flow-content-differs:TEST Sales IVR', 'flow-published-by-other:TEST Sales IVR']);
    expect(report.findings[0].differences).toEqual([{ path: 'initialGreeting > tts', expected: 'Welcome to Sales.', actual: 'Welcome!' }]);
    expect(report.findings[1].detail).toContain('published by user Architect User');
    expect(exitCodeOf([report])).toBe(2);
  });

  it('sees a version republished by another OAuth client', async () => {
    emulator.seedFlow(yamlOf('TEST After Hours'), { kind: 'client', id: 'someone-elses-client' });
    expect(kinds(await drift())).toEqual(['flow-published-by-other:TEST After Hours']);
  });

  it('sees a deleted flow (and the IVR binding it leaves dangling)', async () => {
    emulator.org.flows.delete(flow('TEST After Hours').id);
    const found = kinds(await drift());
    expect(found).toContain('flow-missing:TEST After Hours');
    expect(found).toContain('ivr-flow-binding-differs:TEST Sales IVR');
  });

  it('sees a lock with a pending draft', async () => {
    await fetch(`${emulator.url}/__admin/flows/${flow('TEST Support IVR').id}/draft`, {
      method: 'POST',
      body: JSON.stringify({ yaml: yamlOf('TEST Support IVR') }),
    });
    expect(kinds(await drift())).toEqual(['flow-draft-pending:TEST Support IVR', 'flow-locked:TEST Support IVR']);
  });

  it('sees an IVR whose DNIS changed', async () => {
    const ivr = [...emulator.org.ivrs.values()].find((i) => i.name === 'TEST Sales IVR')!;
    ivr.dnis = ['+13175550299'];
    const report = await drift();
    expect(kinds(report)).toEqual(['ivr-dnis-differs:TEST Sales IVR']);
    expect(report.findings[0].detail).toBe('DNIS ["+13175550299"] instead of ["+13175550200"]');
  });

  it('sees an orphan left by a rename', async () => {
    emulator.seedFlow(yamlOf('TEST Sales IVR').replace(/TEST Sales IVR/g, 'TEST Sales Line'), { kind: 'client', id: 'test-client-id-3c1f' });
    expect(kinds(await drift())).toEqual(['flow-orphan:TEST Sales Line']);
  });

  it('sees callers that embed an older version of their shared flow', async () => {
    await new Promise((r) => setTimeout(r, 5));
    await ops.importFlow(yamlOf('TEST Shared PIN Auth'), poll);
    expect(kinds(await drift())).toEqual(['flow-embeds-old-module:TEST Sales IVR', 'flow-embeds-old-module:TEST Support IVR']);
  });

  describe('shared flows the stack calls but does not define (owned elsewhere)', () => {
    /** The stack without its shared flow: both IVRs call a module another stack owns. */
    const callersOnly = () => ({ flows: stack.flows.filter((f) => f.type !== 'COMMONMODULE'), ivrs: stack.ivrs });
    const module = () => flow('TEST Shared PIN Auth');

    it('in sync while the module exists and is published', async () => {
      expect(await detectDrift(ops, callersOnly(), 'x', { poll })).toMatchObject({ complete: true, findings: [] });
    });

    it('reports a module gone from the org once, naming every caller whose next publish will fail', async () => {
      emulator.org.flows.delete(module().id);
      const report = await detectDrift(ops, callersOnly(), 'x', { poll });
      expect(report.complete).toBe(true);
      expect(report.findings).toEqual([
        {
          kind: 'flow-missing',
          resource: 'flow',
          name: 'TEST Shared PIN Auth',
          detail:
            "shared flow 'TEST Shared PIN Auth', called by 'TEST Sales IVR', 'TEST Support IVR', does not exist in the org; the next publish of 'TEST Sales IVR', 'TEST Support IVR' will fail",
        },
      ]);
      const one = await detectDrift(ops, { flows: stack.flows.filter((f) => f.name === 'TEST Sales IVR'), ivrs: [] }, 'x', { poll });
      expect(one.findings.map((f) => f.detail)).toEqual([
        "shared flow 'TEST Shared PIN Auth', called by 'TEST Sales IVR', does not exist in the org; TEST Sales IVR's next publish will fail",
      ]);
    });

    it('reports a module renamed away (its old name is not in the listing)', async () => {
      module().name = 'TEST Shared PIN Auth v2';
      expect(kinds(await detectDrift(ops, callersOnly(), 'x', { poll }))).toEqual(['flow-missing:TEST Shared PIN Auth']);
    });

    it('reports a module that exists but has no published version', async () => {
      module().publishedVersionId = undefined;
      const report = await detectDrift(ops, callersOnly(), 'x', { poll });
      expect(kinds(report)).toEqual(['flow-never-published:TEST Shared PIN Auth']);
      expect(report.findings[0].detail).toContain('exists but has no published version');
    });

    it('a module the stack defines is reported by its own checks only (once)', async () => {
      emulator.org.flows.delete(module().id);
      expect(kinds(await drift()).filter((k) => k.endsWith(':TEST Shared PIN Auth'))).toEqual(['flow-missing:TEST Shared PIN Auth']);
    });
  });

  describe("a caller's embedded module version, told by publish dates", () => {
    /** Sets the datePublished the API serves for a flow's published version (undefined: served without it). */
    const setPublished = (name: string, date: string | undefined) => {
      const f = flow(name);
      (emulator.org.published(f) as { datePublished: string | undefined }).datePublished = date;
    };
    const callers = ['TEST Sales IVR', 'TEST Support IVR'];

    it('compares instants, not strings: a module published later in another zone offset is seen', async () => {
      // The module (09:00Z) was published after the callers (10:00+02:00 = 08:00Z); as strings it sorts first.
      setPublished('TEST Shared PIN Auth', '2024-05-01T09:00:00.000Z');
      callers.forEach((c) => setPublished(c, '2024-05-01T10:00:00.000+02:00'));
      const report = await drift();
      expect(report.complete).toBe(true);
      expect(kinds(report)).toEqual(['flow-embeds-old-module:TEST Sales IVR', 'flow-embeds-old-module:TEST Support IVR']);
    });

    it('compares instants, not strings: a module published earlier is not reported', async () => {
      setPublished('TEST Shared PIN Auth', '2024-05-01T10:00:00.000+02:00');
      callers.forEach((c) => setPublished(c, '2024-05-01T09:00:00Z'));
      const report = await drift();
      expect(report).toMatchObject({ complete: true, findings: [] });
    });

    it.each<[string, string, string | undefined, RegExp]>([
      ['the module', 'TEST Shared PIN Auth', undefined, /the published version 2\.0 of 'TEST Shared PIN Auth' has no datePublished/],
      ['a caller', 'TEST Sales IVR', undefined, /the published version 1\.0 of 'TEST Sales IVR' has no datePublished/],
      [
        'the module',
        'TEST Shared PIN Auth',
        'yesterday',
        /of 'TEST Shared PIN Auth' has a datePublished that is not an ISO-8601 date-time with an offset \("yesterday"\)/,
      ],
      ['a caller', 'TEST Sales IVR', '2024-13-45T99:00:00Z', /of 'TEST Sales IVR' has a datePublished that is not an ISO-8601 date/],
    ])('is incomplete, never in sync, when %s (%s) is served with datePublished %s', async (_who, name, date, says) => {
      await new Promise((r) => setTimeout(r, 5));
      await ops.importFlow(yamlOf('TEST Shared PIN Auth'), poll); // the callers now embed an older module version
      setPublished(name, date);
      const report = await drift();
      expect(report.complete).toBe(false);
      expect(report.findings.filter((f) => f.name === 'TEST Sales IVR')).toEqual([]);
      expect(report.errors.join('\n')).toMatch(/could not tell whether 'TEST Sales IVR' embeds the current version of 'TEST Shared PIN Auth': /);
      expect(report.errors.join('\n')).toMatch(says);
      expect(exitCodeOf([report])).toBe(1);
    });
  });

  it('a 429 storm in the middle never yields a wrong "in sync": the result is correct or incomplete', async () => {
    emulator.seedFlow(yamlOf('TEST Sales IVR').replace('Welcome to Sales.', 'Welcome!'));
    const impatient = new ArchitectOps(await connect(emulator, { retry: { maxTotalMs: 1500 } }));
    emulator.faults.add({ kind: 'status', status: 429, count: 1000, retryAfterSeconds: 1, path: '/export/jobs' });
    const report = await detectDrift(impatient, stack, 'contact-center-test', { namePrefix: env.namePrefix, poll });
    expect(report.complete).toBe(false);
    expect(report.errors[0]).toMatch(/exporting flows failed: GC4004/);
    expect(exitCodeOf([report])).toBe(1);
    // A storm that ends within the retry budget gives the correct answer.
    emulator.faults.clear();
    emulator.faults.add({ kind: 'status', status: 429, count: 2, retryAfterSeconds: 1, path: '/export/jobs' });
    const patient = await drift();
    expect(patient.complete).toBe(true);
    expect(kinds(patient)).toContain('flow-content-differs:TEST Sales IVR');
  });

  it('writes JSON with a stable schema, a table and Markdown', async () => {
    emulator.seedFlow(yamlOf('TEST Sales IVR').replace('Welcome to Sales.', 'Welcome | pipe!'));
    const report = await drift();
    const json = JSON.parse(toJson([report]));
    expect(json).toMatchObject({ schemaVersion: DRIFT_JSON_SCHEMA_VERSION, status: 'drift' });
    expect(Object.keys(json.stacks[0]).sort()).toEqual(['checkedFlows', 'checkedIvrs', 'complete', 'errors', 'findings', 'stack']);
    expect(Object.keys(json.stacks[0].findings[0]).sort()).toEqual(['detail', 'differences', 'kind', 'name', 'resource']);
    expect(toTable([report])).toMatch(/contact-center-test: 2 difference\(s\)[\s\S]*flow-content-differs[\s\S]*status: drift/);
    const md = toMarkdown([report]);
    expect(md).toContain('## Genesys Cloud drift: drift found');
    expect(md).toContain('| flow | TEST Sales IVR | `flow-content-differs` |');
    expect(md).toContain('live "Welcome | pipe!"');
  });

  it("never prints this deployment's OAuth client id, in any format (npm run drift, compiled)", async () => {
    for (const format of FORMATS) {
      const result = await cli.drifted[format];
      expect(result.code).toBe(2);
      expect(result.out).toContain('flow-content-differs');
      expect(result.out).toContain("published by user Architect User, not by this deployment's OAuth client");
      expect(result.out).not.toContain(TEST_CLIENT_ID);
      expect(result.out).not.toContain(TEST_CLIENT_SECRET);
    }
    // An unreadable answer whose excerpt names our client: the error says whose, not the id.
    for (const format of FORMATS) {
      const result = await cli.unreadable[format];
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/GC4006 .*a flow has no name/);
      expect(result.out).toContain("this deployment's OAuth client");
      expect(result.out).not.toContain(TEST_CLIENT_ID);
    }
  }, 60000);

  it('npm run drift (compiled) exits 0 in sync and 2 on drift', async () => {
    const inSync = await cli.inSync;
    expect(inSync.code).toBe(0);
    expect(JSON.parse(inSync.stdout).status).toBe('in-sync');
    const drifted = await cli.drifted.markdown;
    expect(drifted.code).toBe(2);
    expect(drifted.stdout).toContain('ivr-dnis-differs');
    expect((await cli.unknownEnv).code).toBe(1);
  }, 60000);
});
