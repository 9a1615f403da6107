import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { CallFlow, DataAction, DataTable, InQueueFlow, Integration, Queue, UserPrompt } from '../../constructs';
import {
  Builtin,
  CallData,
  DataTableLookup,
  Disconnect,
  HoldMusic,
  Prompt,
  Task,
  TransferToAcd,
  Variable,
  dataActionNamed,
  dataTableNamed,
  userPromptNamed,
} from '../../flow';
import { parsePlan } from '../../runtime/plan-review/plan-json';
import { reviewPlans } from '../../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { planBetween } from '../support/plan-builder';

// Data actions, tables and prompts that flows name: what the review says when the plan deletes,
// re-creates or renames one, and when a queue's in-queue flow changes.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'org-objects-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const contract = { inputs: { phone: 'string' as const }, outputs: { tier: 'string' as const } };

interface Variant {
  /** The stack manages the action, table and prompt (else the flow names them, and they are deleted). */
  managed: boolean;
  /** The managed action's category. */
  category?: string;
  /** The category the flow calls the action by. */
  calledCategory?: string;
  /** The queue's in-queue flow. */
  inQueueFlow?: 'Hold' | 'Wait';
}

let count = 0;
function synth(v: Variant): string {
  const dir = path.join(work, String(++count));
  const app = new App({ outdir: dir });
  const stack = new TerraformStack(app, 'cc');
  new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  const request = { urlTemplate: 'https://crm.example.com/x', method: 'GET' as const };
  const managed = v.managed
    ? new DataAction(stack, 'Lookup', {
        integration: Integration.fromName(stack, 'Crm', 'CRM'),
        category: v.category ?? 'CRM',
        name: 'Lookup tier',
        ...contract,
        request,
      })
    : undefined;
  const action =
    managed && (v.calledCategory ?? 'CRM') === managed.integrationName
      ? managed
      : dataActionNamed(v.calledCategory ?? 'CRM', 'Lookup tier', contract);
  const table = v.managed
    ? new DataTable(stack, 'Tiers', { name: 'Tiers', fields: { queue: 'string' } })
    : dataTableNamed('Tiers', { queue: 'string' });
  const music = v.managed
    ? new UserPrompt(stack, 'Music', { name: 'Hold_Music', resources: [{ language: 'en-us', tts: 'Please hold.' }] })
    : userPromptNamed('Hold_Music');
  const flows = {
    Hold: new InQueueFlow(stack, 'Hold', { name: 'Hold', actions: [new HoldMusic('Music', { prompt: music })] }),
    Wait: new InQueueFlow(stack, 'Wait', { name: 'Wait', actions: [new HoldMusic('Music')] }),
  };
  const sales = new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: v.inQueueFlow && flows[v.inQueueFlow] });
  const tier = Variable.string('Flow.Tier');
  const queue = Variable.string('Flow.Q');
  const main = new Task('Main', [
    new CallData('Lookup', { action, inputs: { phone: Builtin.callAni }, outputs: { tier } }),
    new DataTableLookup('Tier', { table, key: Builtin.callAni, outputs: { queue } }),
    new TransferToAcd('To', { queue: sales }),
    new Disconnect('Bye'),
  ]);
  new CallFlow(stack, 'Main', { name: 'Main IVR', initialGreeting: Prompt.tts('Hi'), startUp: main, tasks: [main], variables: [tier, queue] });
  app.synth();
  return path.join(dir, 'stacks', 'cc');
}

/** The review of going from `base` to `head`; `edit` changes the plan as the provider would make it. */
function review(base: string, head: string, edit: (plan: ReturnType<typeof planBetween>) => void = () => {}): string {
  const plan = planBetween(base, head);
  edit(plan);
  return reviewPlans(
    [{ stack: 'cc', plan: parsePlan(JSON.stringify(plan), 'cc'), head: SynthesizedStack.read(head), base: SynthesizedStack.read(base) }],
    Infinity,
  );
}

/** The table row of the resource of type `type`. */
const row = (text: string, type: string) => text.split('\n').find((line) => line.startsWith(`| \`${type}.`)) ?? '';

describe('plan review of data actions, data tables and user prompts flows name', () => {
  const managed = synth({ managed: true, inQueueFlow: 'Hold' });

  it('names the flows that still use a deleted data action, data table or user prompt', () => {
    const text = review(managed, synth({ managed: false }));
    expect(row(text, 'genesyscloud_integration_action')).toContain(
      "🗑️ delete | Deletes data action 'CRM / Lookup tier', which Main IVR still call: they fail once it is gone. |",
    );
    expect(row(text, 'genesyscloud_architect_datatable')).toContain(
      "🗑️ delete | Deletes data table 'Tiers', which Main IVR still look up: they fail once it is gone. |",
    );
    expect(row(text, 'genesyscloud_architect_user_prompt')).toContain(
      "🗑️ delete | Deletes user prompt 'Hold_Music', which Hold still play: they fail once it is gone. |",
    );
  });

  it('says when no flow uses a deleted one', () => {
    const unused = synth({ managed: true, calledCategory: 'Other', inQueueFlow: 'Hold' });
    const text = review(unused, synth({ managed: false, calledCategory: 'Other' }));
    expect(row(text, 'genesyscloud_integration_action')).toContain(
      "| Deletes data action 'CRM / Lookup tier' from the org (no flow of this stack uses it). |",
    );
  });

  it('names the ForceNew attributes of a replaced data action and the callers this plan does not republish', () => {
    const text = review(managed, managed, (plan) => {
      // Another integration, made secure: the provider plans a replace (both are ForceNew).
      const action = plan.resource_changes.find((r: { type: string }) => r.type === 'genesyscloud_integration_action');
      action.change.actions = ['delete', 'create'];
      action.change.before.integration_id = 'crm-guid';
      action.change.after = { ...action.change.after, integration_id: 'crm-v2-guid', secure: true };
    });
    expect(row(text, 'genesyscloud_integration_action')).toContain(
      '♻️ replace | The provider re-creates the data action with a new id (`integration_id`, `secure` cannot change in place). ' +
        'Flows that call it: Main IVR; not republished by this plan: Main IVR (republish them after the apply). |',
    );
  });

  it('names the flows that still call a data action by the category it is renamed from', () => {
    const text = review(managed, synth({ managed: true, category: 'CRM v2', calledCategory: 'CRM', inQueueFlow: 'Hold' }));
    expect(row(text, 'genesyscloud_integration_action')).toContain(
      "✏️ update | Data action 'CRM / Lookup tier' is renamed, but Main IVR still call it by that name: they fail after the apply. |",
    );
  });

  it("shows a queue's in-queue flow change by flow name", () => {
    expect(row(review(managed, synth({ managed: true })), 'genesyscloud_routing_queue')).toContain(
      "✏️ update | In-queue flow 'Hold' → the queue's default. |",
    );
    expect(row(review(managed, synth({ managed: true, inQueueFlow: 'Wait' })), 'genesyscloud_routing_queue')).toContain(
      "✏️ update | In-queue flow 'Hold' → 'Wait'. |",
    );
  });

  it('reads a real plan: flow ids, and an id known only after apply', () => {
    const text = review(managed, synth({ managed: true, inQueueFlow: 'Wait' }), (plan) => {
      const flowId = (name: string) => plan.resource_changes.find((r: { address: string }) => r.address.startsWith(`genesyscloud_flow.${name}_`));
      for (const name of ['Hold', 'Wait']) flowId(name).change.before.id = `${name}-guid`;
      const queue = plan.resource_changes.find((r: { type: string }) => r.type === 'genesyscloud_routing_queue');
      queue.change.before.queue_flow_id = 'Hold-guid';
      queue.change.after.queue_flow_id = null;
      queue.change.after_unknown = { queue_flow_id: true };
    });
    expect(row(text, 'genesyscloud_routing_queue')).toContain("| In-queue flow 'Hold' → 'Wait'. |");
  });

  it('folds the per-key lines of a changed data action into its one line', () => {
    const text = review(managed, synth({ managed: true, category: 'CRM v2', calledCategory: 'CRM v2', inQueueFlow: 'Hold' }));
    const line = text.split('\n').find((l) => l.startsWith('- ✏️ `task "Main" > callData "Lookup"`'));
    expect(line).toBe('- ✏️ `task "Main" > callData "Lookup"`: dataAction: `CRM / Lookup tier` → `CRM v2 / Lookup tier`');
  });
});
