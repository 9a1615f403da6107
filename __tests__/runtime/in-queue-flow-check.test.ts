/**
 * An in-queue call flow through the runtime (issue 15): published to the emulator, its export carries the
 * settings real in-queue exports carry, the flow check passes on what was synthesized and shows a
 * node-level diff after an edit in Architect, and drift's listing includes in-queue flows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { GenesysEmulator } from '../../emulator';
import { regenerateExport } from '../../emulator/export-regeneration';
import { Expr, FindQueue, HoldMusic, InQueueCallFlow, PlayEstimatedWaitTime, TransferToAcd, Variable, GetParticipantData } from '../../flow';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { compareFlows } from '../../runtime/flow-compare';
import { checkStackFlows } from '../../runtime/flow-check/flow-check';
import { FlowCheckInput, StackCheckInput } from '../../runtime/flow-check/flow-check-input';
import { VERIFIED_FLOW_TYPES } from '../../runtime/verification/verify-flows';
import { connect, startEmulator } from '../support/emulator';

const poll = { timeoutMs: 3000, intervalMs: 20 };
const target = Variable.string('Task.Target');
const holdFlow = () =>
  new InQueueCallFlow({
    name: 'DEV Sales Hold',
    variables: [target],
    actions: [
      new PlayEstimatedWaitTime('Wait time'),
      new GetParticipantData('Read target', [{ attribute: 'target', into: target }]),
      new FindQueue('Find target', { queueName: target.ref(), onFound: (queue) => [new TransferToAcd('To target', { queue })] }),
      new HoldMusic('Hold Music'),
      new FindQueue('Find overflow', { queueName: Expr.string('Sales Overflow'), onFound: [] }),
    ],
  });

describe('in-queue call flows in the runtime', () => {
  let emulator: GenesysEmulator;
  let ops: ArchitectOps;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'in-queue-check-'));
  const yaml = () => holdFlow().render().yaml;
  const input = (flowYaml: string): StackCheckInput => {
    fs.writeFileSync(path.join(work, 'hold.yaml'), flowYaml);
    const flow: FlowCheckInput = {
      flowName: 'DEV Sales Hold',
      flowType: 'INQUEUECALL',
      contentHash: 'abc123def4567890',
      payloadPath: 'hold.yaml',
      substitutions: {},
      region: 'us-east-1',
      stackCallers: [],
      republishExternalCallers: false,
      allowDestroyWithExternalCallers: false,
    };
    const { flowName, flowType, contentHash, payloadPath, substitutions } = flow;
    return {
      header: { region: 'us-east-1', republishExternalCallers: false, flowCount: 1 },
      flows: [{ flowName, flowType, contentHash, payloadPath, substitutions }],
    };
  };

  beforeEach(async () => {
    emulator = await startEmulator();
    ops = new ArchitectOps(await connect(emulator));
    await ops.importFlow(yaml(), poll);
  });
  afterEach(() => emulator.stop());
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('publishes as INQUEUECALL, and drift lists in-queue flows', async () => {
    expect(VERIFIED_FLOW_TYPES).toContain('inqueuecall');
    const live = await ops.listFlows(VERIFIED_FLOW_TYPES);
    expect(live.map((f) => `${f.type}:${f.name}`)).toContain('INQUEUECALL:DEV Sales Hold');
  });

  it("exports with the settings of the real in-queue exports, which the compare takes as the platform's defaults", () => {
    const exported = parse(regenerateExport(yaml())).inqueueCall;
    expect(Object.keys(exported)).toEqual([
      'name',
      'division',
      'defaultLanguage',
      'settingsInQueueCall',
      'settingsActionDefaults',
      'settingsErrorHandling',
      'settingsPrompts',
      'startUpTaskActions',
    ]);
    expect(compareFlows(yaml(), regenerateExport(yaml()))).toEqual([]);
    // The blueprint export's own error handling (a transfer to a queue) is not a default: it is a difference.
    const transfers = regenerateExport(yaml()).replace(/disconnect:\n(\s+)none: true/, 'queue:\n$1targetQueue:\n$1  lit:\n$1    name: Overflow');
    expect(compareFlows(yaml(), transfers)).not.toEqual([]);
  });

  it('passes the flow check when the published flow is the synthesized one', async () => {
    const report = await checkStackFlows(ops, input(yaml()), { poll, stackDir: work });
    expect(report.exitCode).toBe(0);
    expect(report.lines.join('\n')).toContain("INQUEUECALL 'DEV Sales Hold': published version 1.0 matches the synthesized flow (abc123def456)");
  });

  it('fails the flow check with a node-level diff after an edit in Architect', async () => {
    const flow = (await ops.findFlow('DEV Sales Hold', 'INQUEUECALL'))!;
    const edited = yaml().replace('Sales Overflow', 'Support Overflow');
    await fetch(`${emulator.url}/__admin/flows/${flow.id}/edit`, { method: 'POST', body: JSON.stringify({ yaml: edited }) });
    const report = await checkStackFlows(ops, input(yaml()), { poll, stackDir: work });
    expect(report.exitCode).toBe(1);
    expect(report.lines.join('\n')).toMatch(
      /findQueue "Find overflow" > findName > exp: expected "\\"Sales Overflow\\"", published "\\"Support Overflow\\""/,
    );
  });
});
