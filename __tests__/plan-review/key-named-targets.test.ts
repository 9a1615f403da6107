import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { CallFlow } from '../../constructs';
import {
  Action,
  CallData,
  CallSharedFlow,
  CommonModuleFlow,
  DataTableLookup,
  Disconnect,
  EndSharedFlow,
  Expr,
  InboundCallFlow,
  Prompt,
  SetScreenPop,
  Task,
  dataActionNamed,
  dataTableNamed,
} from '../../flow';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { parsePlan } from '../../runtime/plan-review/plan-json';
import { reviewPlans } from '../../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { planBetween } from '../support/plan-builder';

// Archy names a screen pop's script, a data action, a data table and a module only by a YAML key.
const flowOf = (action: Action) =>
  new InboundCallFlow({
    name: 'F',
    initialGreeting: Prompt.tts('Hello.'),
    startUp: 'Main',
    tasks: [new Task('Main', [action, new Disconnect('End')])],
  }).render().yaml;
const changedFacts = (before: Action, after: Action) => diffOutlines(outlineFlow(flowOf(before)), outlineFlow(flowOf(after)));
const moduleNamed = (name: string) => new CommonModuleFlow({ name, outcomes: ['ok'], actions: [new EndSharedFlow('Done', { outcome: 'ok' })] });

describe('plan review of targets Archy names only by a key', () => {
  it('shows a change of screen pop script, even with no inputs (an empty map)', () => {
    expect(changedFacts(new SetScreenPop('Pop', { script: 'Billing script' }), new SetScreenPop('Pop', { script: 'Fraud script' }))).toEqual([
      expect.objectContaining({
        id: 'task "Main" > setScreenPop "Pop"',
        change: 'changed',
        facts: expect.objectContaining({ screenPopScript: ['Billing script', 'Fraud script'] }),
      }),
    ]);
  });

  it('shows a change of data action, by integration and name', () => {
    const call = (integration: string, name: string) =>
      new CallData('Call', { action: dataActionNamed(integration, name, { inputs: {}, outputs: {} }), inputs: {} });
    expect(changedFacts(call('CRM', 'Lookup'), call('CRM', 'Delete account'))).toEqual([
      expect.objectContaining({ facts: expect.objectContaining({ dataAction: ['CRM / Lookup', 'CRM / Delete account'] }) }),
    ]);
    expect(changedFacts(call('CRM', 'Lookup'), call('Billing', 'Lookup'))).toEqual([
      expect.objectContaining({ facts: expect.objectContaining({ dataAction: ['CRM / Lookup', 'Billing / Lookup'] }) }),
    ]);
  });

  it('folds the facts under a changed data action into its line: only what differs stays, after it', () => {
    const call = (integration: string, exp: string) =>
      new CallData('Call', {
        action: dataActionNamed(integration, 'Lookup', { inputs: { phone: 'string' }, outputs: {} }),
        inputs: { phone: Expr.string(exp) },
      });
    expect(changedFacts(call('CRM', 'a'), call('Billing', 'a'))).toEqual([
      expect.objectContaining({ facts: { dataAction: ['CRM / Lookup', 'Billing / Lookup'] } }),
    ]);
    const [changed] = changedFacts(call('CRM', 'a'), call('Billing', 'b'));
    expect(Object.entries(changed.facts!)).toEqual([
      ['dataAction', ['CRM / Lookup', 'Billing / Lookup']],
      ['dataAction.inputs.phone.exp', ['"a"', '"b"']],
    ]);
  });

  it('shows a change of data table, even without outputs', () => {
    const lookup = (table: string) => new DataTableLookup('Look up', { table: dataTableNamed(table, {}), key: Expr.string('k') });
    expect(changedFacts(lookup('Branches'), lookup('Closed branches'))).toEqual([
      expect.objectContaining({ facts: expect.objectContaining({ dataTable: ['Branches', 'Closed branches'] }) }),
    ]);
  });

  it('shows a change of called module', () => {
    const call = (name: string) => new CallSharedFlow('Use', { flow: moduleNamed(name), outcomes: { ok: [] } });
    expect(changedFacts(call('Auth'), call('Auth v2'))).toEqual([
      expect.objectContaining({ id: 'task "Main" > callCommonModule "Use"', facts: expect.objectContaining({ commonModule: ['Auth', 'Auth v2'] }) }),
    ]);
  });

  it('records an empty map as {} (a leaf-less part would otherwise vanish)', () => {
    const outline = outlineFlow(flowOf(new SetScreenPop('Pop', { script: 'Billing script' })));
    expect(outline.nodes.find((n) => n.kind === 'setScreenPop')?.facts).toEqual({
      screenPopScript: 'Billing script',
      'screenPopScript.Billing script.inputs': '{}',
    });
  });

  it('names the change in the review instead of "republished, logic unchanged"', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'key-named-'));
    const synth = (dir: string, script: string, action: string) => {
      const app = new App({ outdir: dir });
      const stack = new TerraformStack(app, 'contact-center-dev');
      new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
      new LocalBackend(stack, { path: 'terraform.tfstate' });
      const main = new Task('Main', [
        new SetScreenPop('Pop', { script }),
        new CallData('Notify', { action: dataActionNamed('CRM', action, { inputs: {}, outputs: {} }), inputs: {} }),
        new Disconnect('End'),
      ]);
      new CallFlow(stack, 'Billing', { name: 'dev Billing', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
      app.synth();
      return path.join(dir, 'stacks', 'contact-center-dev');
    };
    try {
      const base = synth(path.join(work, 'base'), 'Billing agent script', 'Log call');
      const head = synth(path.join(work, 'head'), 'Fraud team script', 'Close account');
      const review = reviewPlans([
        {
          stack: 'contact-center-dev',
          plan: parsePlan(JSON.stringify(planBetween(base, head)), 'dev'),
          head: SynthesizedStack.read(head),
          base: SynthesizedStack.read(base),
        },
      ]);
      expect(review).toContain('#### dev Billing (INBOUNDCALL) — 2 node(s) changed');
      expect(review).not.toContain('republished, logic unchanged');
      expect(review).toContain('screenPopScript: `Billing agent script` → `Fraud team script`');
      expect(review).toContain('dataAction: `CRM / Log call` → `CRM / Close account`');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
