import * as path from 'path';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import { DataGenesyscloudFlow } from '../../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { Flow as GenesyscloudFlow } from '../../.gen/providers/genesyscloud/flow';
import { CallFlow, FlowCheck, InQueueFlow, InQueueFlowProps, Queue } from '../../constructs';
import { Disconnect, HoldMusic, PlayAudio, Prompt, Task, TransferToAcd, TransferToFlow, flowNamed, queueNamed } from '../../flow';
import { simulateCall } from '../../simulator';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { messageFlow, problemsOf, resourceAt, synthJson, testStack } from '../support/fixtures';

/** The error `fn` throws; fails the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** What a token resolves to in the synthesized stack (through an output). */
function resolved(stack: TerraformStack, token: string): string {
  new TerraformOutput(stack, 'probe', { value: token });
  return synthJson(stack).output.probe.value;
}

const holdFlow = (name: string, extra: Partial<InQueueFlowProps> = {}): InQueueFlowProps => ({
  name,
  actions: [new PlayAudio('Thanks', { prompt: Prompt.tts('Thank you for waiting.') }), new HoldMusic('Hold Music')],
  ...extra,
});

describe('InQueueFlow', () => {
  it('publishes an inqueueCall document with genesyscloud_flow, without name or type', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', holdFlow('Sales Hold'));
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Hold/Publication/Resource');
    expect(flow.filepath).toMatch(/^assets\/Hold_Publication_Yaml_[0-9A-F]+\/[0-9A-F]{32}\/Sales-Hold\.yaml$/);
    for (const key of ['name', 'type', 'file_content_hash', 'depends_on', 'substitutions']) expect(flow).not.toHaveProperty(key);
    const doc = parse(hold.publication.rendered.yaml) as Record<string, { name: string }>;
    expect(Object.keys(doc)).toEqual(['inqueueCall']);
    expect(doc.inqueueCall.name).toBe('Sales Hold');
    expect(hold.publication.rendered.type).toBe('inqueuecall');
  });

  it('is a FlowTarget of type inqueuecall whose id and dependable are its flow resource', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', holdFlow('Sales Hold'));
    expect([hold.flowName, hold.flowType]).toEqual(['Sales Hold', 'inqueuecall']);
    expect(hold.definition.type).toBe('inqueuecall');
    expect(hold.dependable).toBe(hold.publication.resource);
    const address = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Hold/Publication/Resource').address;
    expect(resolved(stack, hold.flowId)).toBe(`\${${address}.id}`);
  });

  it('substitutes the queues of its transfers and depends on the flows it transfers to', () => {
    const stack = testStack();
    const callback = new Queue(stack, 'Callback', { name: 'Callback' });
    const survey = new CallFlow(stack, 'Survey', messageFlow('Survey'));
    new InQueueFlow(stack, 'Hold', {
      name: 'Sales Hold',
      actions: [
        new TransferToAcd('To callback', { queue: callback }),
        new TransferToFlow('To survey', { flow: survey }),
        new HoldMusic('Hold Music'),
      ],
    });
    const json = synthJson(stack);
    const flow = resourceAt(json, 'genesyscloud_flow', 'Hold/Publication/Resource');
    const queue = resourceAt(json, 'genesyscloud_routing_queue', 'Callback/Resource');
    expect(flow.substitutions).toEqual({ [callback.substitutionKey]: `\${${queue.address}.name}` });
    expect(flow.depends_on).toEqual([resourceAt(json, 'genesyscloud_flow', 'Survey/Publication/Resource').address]);
  });

  it('reports an invalid definition (GC1030) before anything is added to the stack', () => {
    const stack = testStack();
    const problems = problemsOf(
      thrown(() => new InQueueFlow(stack, 'Hold', { name: 'Sales Hold', actions: [new PlayAudio('Thanks', { prompt: Prompt.tts('Hi') })] })),
    );
    expect(problems.map((p) => p.code)).toEqual(['GC1030']);
    expect(synthJson(stack).resource?.genesyscloud_flow).toBeUndefined();
  });

  it('is simulated as a caller waiting in queue', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', holdFlow('Sales Hold'));
    const result = simulateCall(hold, { waitingQueue: 'Sales' });
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Sales', inQueueFlow: 'Sales Hold' });
    expect(result.prompts).toContain('Thank you for waiting.');
  });

  describe('fromName', () => {
    it('looks the flow up with a genesyscloud_flow data source of type INQUEUECALL and creates no flow resource', () => {
      const synthesized = Testing.synthScope((scope) => {
        InQueueFlow.fromName(scope, 'Hold', 'Org Hold');
      });
      expect(synthesized).toHaveDataSourceWithProperties(DataGenesyscloudFlow, { name: 'Org Hold', type: 'INQUEUECALL' });
      expect(synthesized).not.toHaveResource(GenesyscloudFlow);
    });

    it('gives the name, type, id and dependable of the look-up, and no definition', () => {
      const stack = testStack();
      const hold = InQueueFlow.fromName(stack, 'Hold', 'Org Hold');
      expect([hold.flowName, hold.flowType, hold.definition]).toEqual(['Org Hold', 'inqueuecall', undefined]);
      const lookup = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Hold/Lookup', 'data');
      expect(resolved(stack, hold.flowId)).toBe(`\${${lookup.address}.id}`);
    });
  });

  describe('publish order', () => {
    it('GC2013: a flow published before it (which it names) naming it back by name', () => {
      const stack = testStack();
      // Main names the in-queue flow by name only; the in-queue flow transfers to Main, so Main publishes first.
      const main = new Task('Main', [
        new TransferToAcd('To sales', { queue: queueNamed('Sales'), inQueueFlow: flowNamed('Sales Hold', 'inqueuecall') }),
        new Disconnect('Bye'),
      ]);
      const inbound = new CallFlow(stack, 'Main', { name: 'Main Line', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
      const error = thrown(
        () =>
          new InQueueFlow(stack, 'Hold', {
            name: 'Sales Hold',
            actions: [new TransferToFlow('Back to main', { flow: inbound }), new HoldMusic('Hold Music')],
          }),
      );
      expect(problemsOf(error)).toEqual([
        expect.objectContaining({
          code: 'GC2013',
          path: 'test-stack/Hold',
          value: 'Sales Hold → Main Line → Sales Hold',
          fix: expect.stringContaining('only one of the two flows'),
        }),
      ]);
    });

    it('a synthesized stack publishes each flow after the flows its resource depends on', () => {
      const stack = testStack();
      const survey = new CallFlow(stack, 'Survey', messageFlow('Survey'));
      new InQueueFlow(stack, 'Hold', {
        name: 'Sales Hold',
        actions: [new TransferToFlow('To survey', { flow: survey }), new HoldMusic('Hold Music')],
      });
      const app = App.of(stack);
      app.synth();
      const synthesized = SynthesizedStack.read(path.join(app.outdir, 'stacks', stack.node.id));
      // By type alone the in-queue flow would go first; it transfers to the survey, which must exist by then.
      expect(synthesized.flowsInPublishOrder().map((f) => [f.type, f.name])).toEqual([
        ['INBOUNDCALL', 'Survey'],
        ['INQUEUECALL', 'Sales Hold'],
      ]);
    });
  });

  it("is in the stack's flow check (type INQUEUECALL) and gets no destroy guard", () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, { region: 'us-east-1' });
    new InQueueFlow(stack, 'Hold', holdFlow('Sales Hold'));
    const json = synthJson(stack);
    const check = resourceAt(json, 'terraform_data', 'FlowCheck/Resource');
    expect(check.input.flows).toEqual([expect.objectContaining({ flowName: 'Sales Hold', flowType: 'INQUEUECALL' })]);
    expect(check.depends_on).toEqual([resourceAt(json, 'genesyscloud_flow', 'Hold/Publication/Resource').address]);
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(1);
  });
});
