import { GENESYS_REGIONS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { regionHost } from '../../runtime/genesys';
import { connect, startEmulator } from '../support/emulator';

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
    const exported = await ops.exportVersions(
      flows.map((f) => ({ id: f.id, version: '1.0' })),
      { intervalMs: 30 },
    );
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
    await expect(ops.exportVersions([{ id: flow.id, version: '1.0' }], { intervalMs: 20 })).rejects.toThrow(
      /the export failed: Export service unavailable/,
    );
  });
});

describe('regions', () => {
  it('maps every provider region to the SDK host we document', () => {
    for (const [region, host] of Object.entries(GENESYS_REGIONS)) expect(regionHost(region)).toBe(host);
    expect(() => regionHost('xx-nowhere-1')).toThrow(/GC4002/);
  });
});
