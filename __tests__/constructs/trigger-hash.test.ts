/**
 * The update trigger hash is produced at synth and kept per resolving stack once a preparing pass has
 * resolved it (constructs/flow-publication.ts): it must equal the hash of what cdk.tf.json says, for a
 * queue in the same stack and for one in another stack (a cross-stack reference), and stay the same
 * when the app is synthesized again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { InboundIvr, Queue, SharedFlow } from '../../constructs';
import { Expr, Prompt, sha256 } from '../../flow';
import { simpleModule } from '../support/fixtures';

function stack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  new GenesyscloudProvider(s, 'Genesys', { awsRegion: 'us-east-1' });
  new LocalBackend(s, { path: `${id}.tfstate` });
  return s;
}

describe('update trigger hash', () => {
  it('is the hash of the written content, substitutions and module hashes, also across stacks and synths', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trigger-hash-'));
    try {
      const app = new App({ outdir: work });
      const queues = stack(app, 'queues');
      const flows = stack(app, 'flows');
      const remote = new Queue(queues, 'Remote', { name: 'Remote' });
      const local = new Queue(flows, 'Local', { name: 'Local' });
      const module = new SharedFlow(flows, 'M', simpleModule('M'));
      new InboundIvr(flows, 'Ivr', {
        name: 'Ivr',
        greeting: Prompt.tts('Hi.'),
        dnis: ['+13175550100'],
        sharedFlow: module,
        sharedFlowInputs: { Account: Expr.string('a') },
        routes: { ok: remote, failed: local },
      });
      const written = () => {
        const dir = path.join(work, 'stacks', 'flows');
        const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
        const [, flow] = Object.entries(json.resource.genesyscloud_flow as Record<string, any>).find(([k]) => k.startsWith('Ivr_'))!;
        const content = sha256(fs.readFileSync(path.join(dir, flow.filepath), 'utf8'));
        const substitutions = Object.entries(flow.substitutions as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
        return { flow, expected: sha256(JSON.stringify({ content, substitutions, sharedFlows: [['M', module.contentHash]] })) };
      };
      app.synth();
      const first = written();
      expect(Object.values(first.flow.substitutions)).toEqual(
        expect.arrayContaining([expect.stringContaining('terraform_remote_state'), expect.stringContaining('genesyscloud_routing_queue.Local')]),
      );
      expect(first.flow.update_trigger_hash).toBe(first.expected);
      app.synth();
      expect(written().flow.update_trigger_hash).toBe(first.expected);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
