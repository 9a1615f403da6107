import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { FlowCheck, FlowCheckOptions, InboundIvr, Queue, SharedFlow } from '../../constructs';
import { Expr, Prompt } from '../../flow';
import { resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

const OPTIONS: FlowCheckOptions = { region: 'us-east-1' };

/** A shared flow, a queue and an IVR that calls the shared flow and routes both outcomes to the queue. */
function addFlows(stack: TerraformStack): { module: SharedFlow<'ok' | 'failed'>; ivr: InboundIvr<'ok' | 'failed'> } {
  const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
  const sales = new Queue(stack, 'Sales', { name: 'Sales' });
  const ivr = new InboundIvr(stack, 'Ivr', {
    name: 'Sales IVR',
    greeting: Prompt.tts('Welcome.'),
    dnis: ['+13175550100'],
    sharedFlow: module,
    sharedFlowInputs: { Account: Expr.string('x') },
    routes: { ok: sales, failed: sales },
  });
  return { module, ivr };
}

/** cdk.tf.json as `app.synth()` writes it (cdktf's preparing pass included). */
function writtenStack(attachFirst: boolean): string {
  const stack = testStack();
  if (attachFirst) FlowCheck.attachToStack(stack, OPTIONS);
  addFlows(stack);
  if (!attachFirst) FlowCheck.attachToStack(stack, OPTIONS);
  const app = App.of(stack);
  app.synth();
  return fs.readFileSync(path.join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8');
}

describe('FlowCheck.attachToStack', () => {
  it("puts a flow defined after it in the stack's check: input, triggers and depends_on", () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    const { module, ivr } = addFlows(stack);
    const json = synthJson(stack);
    const check = resourceAt(json, 'terraform_data', 'FlowCheck/Resource');
    expect(check.input.header).toEqual({ region: 'us-east-1', republishExternalCallers: false, flowCount: 2 });
    expect(check.input.flows.map((f: { flowName: string }) => f.flowName)).toEqual([module.flowName, ivr.flow.flowName]);
    expect(check.triggers_replace.flows).toHaveLength(2);
    const flowAddresses = ['Pin/Publication/Resource', 'Ivr/Flow/Publication/Resource'].map(
      (at) => resourceAt(json, 'genesyscloud_flow', at).address,
    );
    expect(check.depends_on).toEqual(flowAddresses);
  });

  it('gives a shared flow defined after it its destroy guard at <Module>/Check/DestroyGuard', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    const { module, ivr } = addFlows(stack);
    const json = synthJson(stack);
    const guard = resourceAt(json, 'terraform_data', 'Pin/Check/DestroyGuard');
    const moduleAddress = resourceAt(json, 'genesyscloud_flow', 'Pin/Publication/Resource').address;
    expect(guard.input).toMatchObject({ flowName: module.flowName, stackCallers: [ivr.flow.flowName], flowId: `\${${moduleAddress}.id}` });
    expect(guard.depends_on).toEqual([moduleAddress]);
    // One guard: the IVR's flow is no shared flow.
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(2);
  });

  it("carries each flow's substitutions and update trigger hash as its flow resource has them", () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    addFlows(stack);
    const json = synthJson(stack);
    const check = resourceAt(json, 'terraform_data', 'FlowCheck/Resource');
    ['Pin/Publication/Resource', 'Ivr/Flow/Publication/Resource'].forEach((at, i) => {
      const flow = resourceAt(json, 'genesyscloud_flow', at);
      expect(check.input.flows[i].substitutions).toEqual(flow.substitutions ?? {});
      expect(check.triggers_replace.flows[i].republish).toBe(flow.update_trigger_hash);
    });
    expect(Object.keys(check.input.flows[1].substitutions)).toEqual(['queue_Sales']);
  });

  it('writes the same cdk.tf.json whether it is called before or after the flows are defined', () => {
    const before = writtenStack(true);
    expect(before).toContain('"terraform_data"');
    expect(before).toBe(writtenStack(false));
  });

  it('adds nothing to a stack without flows: no check (GC2009 is never raised), no guard, no handler asset', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    new Queue(stack, 'Sales', { name: 'Sales' });
    const json = synthJson(stack);
    expect(json.resource).not.toHaveProperty('terraform_data');
    expect(stack.node.tryFindChild('FlowCheck')).toBeUndefined();
    expect(stack.node.tryFindChild('FlowCheckHandler')).toBeUndefined();
  });

  it('adds the check once, however often the stack is synthesized', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    addFlows(stack);
    const first = Testing.synth(stack);
    expect(Testing.synth(stack)).toBe(first);
    expect(Object.keys(synthJson(stack).resource.terraform_data)).toHaveLength(2);
  });

  it('refuses a second check on the same stack at the second call', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    expect(() => FlowCheck.attachToStack(stack, OPTIONS)).toThrow(/^GC2011 \[test-stack\] FlowCheck.attachToStack was called for this stack already/);
  });

  it('checks only the stack it is attached to', () => {
    const app = Testing.app();
    const checked = new TerraformStack(app, 'checked');
    const unchecked = new TerraformStack(app, 'unchecked');
    FlowCheck.attachToStack(checked, OPTIONS);
    addFlows(checked);
    addFlows(unchecked);
    expect(synthJson(checked).resource).toHaveProperty('terraform_data');
    expect(synthJson(unchecked).resource).not.toHaveProperty('terraform_data');
  });
});

describe('FlowCheck.attachToStack after a synth', () => {
  it('refuses a flow defined after the stack was synthesized (GC2012) instead of leaving it unchecked', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    addFlows(stack);
    Testing.synth(stack);
    new SharedFlow(stack, 'Late', simpleModule('Late Module'));
    expect(() => Testing.synth(stack)).toThrow(/^GC2012 \[test-stack\/Late\/Publication\] 1 flow\(s\) defined after the stack was synthesized/);
  });

  it('a second synth with the same flows gives the same stack', () => {
    const stack = testStack();
    FlowCheck.attachToStack(stack, OPTIONS);
    addFlows(stack);
    expect(Testing.synth(stack)).toBe(Testing.synth(stack));
  });
});
