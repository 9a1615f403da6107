import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { DataGenesyscloudFlow } from '../../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { RoutingQueue } from '../../.gen/providers/genesyscloud/routing-queue';
import { dependable } from 'cdktf/lib/tfExpression';
import { dependOn } from '../../constructs/depends-on';
import { synthJson, testStack } from '../support/fixtures';

const dependsOnOf = (json: ReturnType<typeof synthJson>, id: string) =>
  Object.entries(json.resource.genesyscloud_routing_queue).find(([key]) => key.startsWith(id))![1].depends_on;

describe('dependOn', () => {
  it('writes the same depends_on as cdktf: resources by type and logical id, data sources as data.<type>.<id>', () => {
    const stack = testStack();
    const queue = new RoutingQueue(stack, 'Queue', { name: 'Q' });
    const lookedUp = new DataGenesyscloudFlow(stack, 'Looked', { name: 'F' });
    const ours = new RoutingQueue(stack, 'Ours', { name: 'Ours' });
    new RoutingQueue(stack, 'Cdktfs', { name: 'Cdktfs', dependsOn: [queue, lookedUp] });
    dependOn(ours, [queue, lookedUp]);
    const json = synthJson(stack);
    expect(dependsOnOf(json, 'Ours')).toEqual(dependsOnOf(json, 'Cdktfs'));
    expect(dependsOnOf(json, 'Ours')).toEqual([
      expect.stringMatching(/^genesyscloud_routing_queue\.Queue/),
      expect.stringMatching(/^data\.genesyscloud_flow\.Looked/),
    ]);
  });

  it('reads logical ids at synth: an override made afterwards is what depends_on names', () => {
    const stack = testStack();
    const queue = new RoutingQueue(stack, 'Queue', { name: 'Q' });
    const dependent = new RoutingQueue(stack, 'Dependent', { name: 'D' });
    dependOn(dependent, [queue]);
    queue.overrideLogicalId('renamed_queue');
    expect(dependsOnOf(synthJson(stack), 'Dependent')).toEqual(['genesyscloud_routing_queue.renamed_queue']);
  });

  it('is a plain list: a dependency can still be appended', () => {
    const stack = testStack();
    const [a, b] = [new RoutingQueue(stack, 'A', { name: 'A' }), new RoutingQueue(stack, 'B', { name: 'B' })];
    const dependent = new RoutingQueue(stack, 'Dependent', { name: 'D' });
    dependOn(dependent, [a]);
    dependent.dependsOn = [...dependent.dependsOn!, dependable(b)];
    expect(dependsOnOf(synthJson(stack), 'Dependent')).toEqual(['genesyscloud_routing_queue.A', 'genesyscloud_routing_queue.B']);
  });

  it("leaves a resource of another stack to cdktf (the same output and stack dependency as cdktf's dependsOn)", () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'depends-on-')), skipValidation: true });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => new TerraformStack(app, id));
    const queue = new RoutingQueue(a, 'Queue', { name: 'Q' });
    dependOn(new RoutingQueue(b, 'Ours', { name: 'Ours' }), [queue]);
    new RoutingQueue(c, 'Cdktfs', { name: 'Cdktfs', dependsOn: [queue] });
    app.synth();
    expect(b.dependencies).toEqual(c.dependencies);
    expect(b.dependencies).toEqual([a]);
  });

  it('writes no depends_on for no targets', () => {
    const stack = testStack();
    const alone = new RoutingQueue(stack, 'Alone', { name: 'A' });
    dependOn(alone, []);
    expect(Object.values(synthJson(stack).resource.genesyscloud_routing_queue)[0]).not.toHaveProperty('depends_on');
  });
});
