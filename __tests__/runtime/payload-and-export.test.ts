import { GENESYS_REGIONS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { applySubstitutions, diffPayload } from '../../runtime/flow-check/payload-diff';
import { regionHost } from '../../runtime/genesys';
import { connect, startEmulator } from '../support/emulator';

describe('payload comparison', () => {
  const rendered = 'inboundCall:\n  name: X\n  tasks:\n    - task:\n        name: Main\n        actions:\n          - playAudio:\n              name: Hi\n              audio:\n                tts: Hello\n          - disconnect:\n              name: Bye\n';

  it('ignores key order, quoting and keys the platform adds', () => {
    const exported = 'inboundCall:\n  settingsErrorHandling: {errorHandling: {disconnect: {none: true}}}\n  tasks:\n    - task:\n        actions:\n          - playAudio: {audio: {tts: "Hello"}, name: "Hi"}\n          - disconnect: {name: Bye}\n        name: Main\n  name: "X"\n';
    expect(diffPayload(rendered, exported)).toEqual([]);
  });

  it('compares scalars as text (exports re-quote numbers and booleans)', () => {
    expect(diffPayload('commonModule:\n  a: 5\n  b: true\n', 'commonModule:\n  a: "5"\n  b: "true"\n')).toEqual([]);
  });

  it('reports an action added in Architect, with its kind and name', () => {
    const exported = rendered.replace('          - disconnect:', '          - playAudio:\n              name: Extra\n              audio:\n                tts: Added\n          - disconnect:');
    const diff = diffPayload(rendered, exported);
    expect(diff.map((d) => d.path)).toEqual(['tasks > [0] task "Main" > actions > [1] disconnect "Bye"', 'tasks > [0] task "Main" > actions > [2] disconnect "Bye"']);
  });

  it('reports a missing key and a different flow type', () => {
    expect(diffPayload(rendered, rendered.replace('              name: Hi\n', ''))).toEqual([{ path: 'tasks > [0] task "Main" > actions > [0] playAudio "Hi" > name', expected: 'Hi', actual: undefined }]);
    expect(diffPayload(rendered, 'commonModule:\n  name: X\n')).toEqual([{ path: '(flow type)', expected: 'inboundCall', actual: 'commonModule' }]);
  });

  it('applies provider substitutions as plain text', () => {
    expect(applySubstitutions('name: "{{queue_a}}" and {{queue_a}} {{other}}', { queue_a: 'Sales' })).toBe('name: "Sales" and Sales {{other}}');
  });
});

describe('Architect operations against the emulator', () => {
  let emulator: GenesysEmulator;
  let ops: ArchitectOps;
  beforeEach(async () => {
    emulator = await startEmulator();
    ops = new ArchitectOps(await connect(emulator));
  });
  afterEach(() => emulator.stop());

  it('exports many flow versions with one export job (a zip) and maps them by flow', async () => {
    const flows = [1, 2, 3].map((i) => emulator.seedFlow(`commonModule:\n  name: Module ${i}\n  startUpTaskActions: []\n`));
    const before = emulator.totalRequests;
    const exported = await ops.exportVersions(flows.map((f) => ({ id: f.id, version: '1.0' })), { intervalMs: 30 });
    flows.forEach((f, i) => expect(exported.get(f.id)).toContain(`name: Module ${i + 1}`));
    expect(emulator.totalRequests - before).toBeLessThanOrEqual(4); // register + 1-2 polls (download is not an API call)
  });

  it('survives slow responses', async () => {
    emulator.faults.add({ kind: 'delay', ms: 300, count: 1, path: '/api/v2/flows' });
    const started = Date.now();
    expect(await ops.findFlow('Nothing', 'INBOUNDCALL')).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('unlocks a flow locked by a user', async () => {
    const flow = emulator.seedFlow('commonModule:\n  name: Locked\n  startUpTaskActions: []\n');
    flow.lockedBy = { kind: 'user', id: 'u1', name: 'Dana' };
    await ops.client.call('POST unlock', (a) => a.architect.postFlowsActionsUnlock(flow.id));
    expect((await ops.getFlow(flow.id)).lockedUser).toBeUndefined();
  });

  it('reports a failed export in plain words', async () => {
    const flow = emulator.seedFlow('commonModule:\n  name: M\n  startUpTaskActions: []\n');
    emulator.faults.add({ kind: 'failExport', count: 1, message: 'Export service unavailable' });
    await expect(ops.exportVersions([{ id: flow.id, version: '1.0' }], { intervalMs: 20 })).rejects.toThrow(/the export failed: Export service unavailable/);
  });
});

describe('regions', () => {
  it('maps every provider region to the SDK host we document', () => {
    for (const [region, host] of Object.entries(GENESYS_REGIONS)) expect(regionHost(region)).toBe(host);
    expect(() => regionHost('xx-nowhere-1')).toThrow(/GC4002/);
  });
});
