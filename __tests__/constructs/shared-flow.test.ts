import * as fs from 'fs';
import * as path from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { DataGenesyscloudFlow } from '../../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { Flow as GenesyscloudFlow } from '../../.gen/providers/genesyscloud/flow';
import { CallFlow, InboundIvr, SharedFlow, isSharedFlow } from '../../constructs';
import { CallSharedFlow, CommonModuleFlow, Disconnect, Expr, PlayAudio, Prompt, Task, queueNamed, sha256 } from '../../flow';
import { problemsOf, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

const FLOW_KEYS_NEVER_SET = ['name', 'type', 'file_content_hash'];

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

describe('SharedFlow', () => {
  it('publishes a genesyscloud_flow whose filepath points into assets/, without name, type or file_content_hash', () => {
    const synthesized = Testing.synthScope((scope) => {
      new SharedFlow(scope, 'Pin', simpleModule('Shared PIN'));
    });
    expect(synthesized).toHaveResource(GenesyscloudFlow);
    expect(synthesized).toHaveResourceWithProperties(GenesyscloudFlow, {
      filepath: expect.stringMatching(/^assets\/Pin_Publication_Yaml_[0-9A-F]+\/[0-9A-F]{32}\/Shared-PIN\.yaml$/),
      update_trigger_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const flows = Object.values(JSON.parse(synthesized).resource.genesyscloud_flow) as Record<string, unknown>[];
    expect(flows).toHaveLength(1);
    for (const key of FLOW_KEYS_NEVER_SET) expect(flows[0]).not.toHaveProperty(key);
    // A module calls nothing and uses no queues.
    expect(flows[0]).not.toHaveProperty('depends_on');
    expect(flows[0]).not.toHaveProperty('substitutions');
  });

  it('sets force_unlock only when asked', () => {
    const stack = testStack();
    new SharedFlow(stack, 'Locked', { ...simpleModule('Locked'), forceUnlock: true });
    new SharedFlow(stack, 'Plain', simpleModule('Plain'));
    const json = synthJson(stack);
    expect(resourceAt(json, 'genesyscloud_flow', 'Locked/Publication/Resource').force_unlock).toBe(true);
    expect(resourceAt(json, 'genesyscloud_flow', 'Plain/Publication/Resource')).not.toHaveProperty('force_unlock');
  });

  it('contentHash is the sha256 of the rendered YAML and follows the definition', () => {
    const stack = testStack();
    const a = new SharedFlow(stack, 'A', simpleModule('Module A', 'Hello.'));
    const b = new SharedFlow(stack, 'B', simpleModule('Module B', 'Hello.'));
    const c = new SharedFlow(stack, 'C', simpleModule('Module C', 'Something else.'));
    expect(a.contentHash).toBe(sha256(a.definition.render().yaml));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.contentHash).toBe(sha256(c.definition.render().yaml));
    // The name is part of the YAML, so two modules never share a hash; a prompt change moves it too.
    expect(new Set([a.contentHash, b.contentHash, c.contentHash]).size).toBe(3);
  });

  it('ships exactly the rendered YAML as the asset file (full synth)', () => {
    const stack = testStack('sf-stack');
    const pin = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const outdir = Testing.fullSynth(stack);
    try {
      const stackDir = path.join(outdir, 'stacks', 'sf-stack');
      const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
      const filepath = resourceAt(json, 'genesyscloud_flow', 'Pin/Publication/Resource').filepath as string;
      expect(path.isAbsolute(filepath)).toBe(false);
      const shipped = fs.readFileSync(path.join(stackDir, filepath), 'utf8');
      expect(shipped).toBe(pin.definition.render().yaml);
      expect(sha256(shipped)).toBe(pin.contentHash);
      expect(shipped.startsWith('commonModule:\n  name: Shared PIN\n')).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('exposes the interface callers are checked against', () => {
    const stack = testStack();
    const pin = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    expect(pin.flowName).toBe('Shared PIN');
    expect(pin.outcomes).toEqual(['ok', 'failed']);
    expect(pin.inputs).toEqual({ Account: { type: 'string', required: true, description: undefined } });
    expect(pin.outputs).toEqual({ Score: { type: 'integer' } });
    expect(pin.compatibleFlowTypes).toEqual(['inboundcall']);
    const address = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Pin/Publication/Resource').address;
    expect(resolved(stack, pin.flowId)).toBe(`\${${address}.id}`);
  });

  describe('fromName', () => {
    const signature = { inputs: { Account: { type: 'string' as const, required: true } }, outcomes: ['ok', 'failed'] as ('ok' | 'failed')[] };

    it('looks the module up with a genesyscloud_flow data source of type COMMONMODULE and creates no flow resource', () => {
      const synthesized = Testing.synthScope((scope) => {
        SharedFlow.fromName(scope, 'Auth', 'Org Auth', signature);
      });
      expect(synthesized).toHaveDataSource(DataGenesyscloudFlow);
      expect(synthesized).toHaveDataSourceWithProperties(DataGenesyscloudFlow, { name: 'Org Auth', type: 'COMMONMODULE' });
      expect(synthesized).not.toHaveResource(GenesyscloudFlow);
    });

    it('callers depend on the look-up and name the module in their YAML', () => {
      const stack = testStack();
      const external = SharedFlow.fromName(stack, 'Auth', 'Org Auth', signature);
      const ivr = new InboundIvr(stack, 'Ivr', {
        greeting: Prompt.tts('Welcome.'),
        name: 'Sales IVR',
        dnis: ['+13175550100'],
        sharedFlow: external,
        sharedFlowInputs: { Account: Expr.string('x') },
        routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
      });
      const json = synthJson(stack);
      const lookup = resourceAt(json, 'genesyscloud_flow', 'Auth/Lookup', 'data');
      expect(lookup.address).toMatch(/^data\.genesyscloud_flow\./);
      expect(resourceAt(json, 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource').depends_on).toEqual([lookup.address]);
      expect(ivr.flow.publication.rendered.yaml).toContain('Org Auth:\n                  ver_latestPublished:');
      expect(resolved(stack, external.flowId)).toBe(`\${${lookup.address}.id}`);
      expect(ivr.flow.sharedFlows).toEqual([external]);
    });

    it('carries the given signature and content hash (undefined when unknown)', () => {
      const stack = testStack();
      const unknown = SharedFlow.fromName(stack, 'A', 'Org Auth', signature);
      const known = SharedFlow.fromName(stack, 'B', 'Org Auth 2', { ...signature, contentHash: 'abc', compatibleFlowTypes: ['inboundcall'] });
      expect(unknown.contentHash).toBeUndefined();
      expect(unknown.compatibleFlowTypes).toEqual(['inboundcall']);
      expect(unknown.outputs).toEqual({});
      expect(known.contentHash).toBe('abc');
      expect(known.flowName).toBe('Org Auth 2');
    });

    it('a SharedFlow and a fromName reference carry the shared-flow marker; a bare definition does not', () => {
      const stack = testStack();
      expect(isSharedFlow(new SharedFlow(stack, 'Own', simpleModule('Own')))).toBe(true);
      expect(isSharedFlow(SharedFlow.fromName(stack, 'Auth', 'Org Auth', signature))).toBe(true);
      expect(isSharedFlow(new CommonModuleFlow(simpleModule('Bare')))).toBe(false);
    });

    it('callers are still checked against the signature (flow-language rules apply)', () => {
      const stack = testStack();
      const external = SharedFlow.fromName(stack, 'Auth', 'Org Auth', signature);
      const main = new Task('Main', [
        new CallSharedFlow('Call', { flow: external, outcomes: { ok: [new Disconnect('a')], failed: [new Disconnect('b')] } }),
      ]);
      expect(() => new CallFlow(stack, 'Caller', { name: 'Caller', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] })).toThrow(
        /GC1009/,
      );
    });
  });

  describe('errors', () => {
    it('surfaces a flow-language error as a ProblemError naming the construct path', () => {
      const stack = testStack();
      // No EndSharedFlow: the path does not end.
      const error = thrown(
        () => new SharedFlow(stack, 'Broken', { ...simpleModule('Broken'), actions: [new PlayAudio('Only', { prompt: Prompt.tts('hi') })] }),
      );
      expect(problemsOf(error).map((p) => p.code)).toEqual(['GC1005']);
      expect((error as Error).message).toContain('test-stack/Broken');
      expect((error as Error).message).toContain('[test-stack/Broken > startUpTaskActions > Only]');
    });

    it('lists every problem of the definition at once', () => {
      const stack = testStack();
      const error = thrown(
        () =>
          new SharedFlow(stack, 'Broken', {
            ...simpleModule('Broken'),
            outcomes: ['ok', 'ok', 'bad name'],
            actions: [new PlayAudio('Only', { prompt: Prompt.tts('hi') })],
          }),
      );
      expect(
        problemsOf(error)
          .map((p) => p.code)
          .sort(),
      ).toEqual(['GC1002', 'GC1005', 'GC1014']);
      for (const p of problemsOf(error)) expect(p.path.startsWith('test-stack/Broken')).toBe(true);
    });

    it('GC2006 rejects two shared flows with the same name in one stack, naming the first', () => {
      const stack = testStack();
      new SharedFlow(stack, 'One', simpleModule('Same'));
      const error = thrown(() => new SharedFlow(stack, 'Two', simpleModule('Same')));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2006', path: 'test-stack/Two', value: 'Same' })]);
      expect((error as Error).message).toMatch(/^GC2006 \[test-stack\/Two\].*test-stack\/One/);
    });

    it('GC2006 is per stack: another stack may use the same name', () => {
      new SharedFlow(testStack('stack-a'), 'One', simpleModule('Same'));
      expect(() => new SharedFlow(testStack('stack-b'), 'One', simpleModule('Same'))).not.toThrow();
    });
  });

  it('synthesizes a stable flow resource (snapshot)', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new SharedFlow(scope, 'Pin', simpleModule('Shared PIN'));
      }),
    );
    expect(json.resource.genesyscloud_flow).toMatchSnapshot();
  });
});
