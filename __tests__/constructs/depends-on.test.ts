import { DataGenesyscloudFlow } from '../../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { RoutingQueue } from '../../.gen/providers/genesyscloud/routing-queue';
import { dependOn } from '../../constructs/depends-on';
import { synthJson, testStack } from '../support/fixtures';

describe('dependOn', () => {
  it('writes the same depends_on as cdktf: resources by type and logical id, data sources as data.<type>.<id>', () => {
    const stack = testStack();
    const queue = new RoutingQueue(stack, 'Queue', { name: 'Q' });
    const lookedUp = new DataGenesyscloudFlow(stack, 'Looked', { name: 'F' });
    const ours = new RoutingQueue(stack, 'Ours', { name: 'Ours' });
    new RoutingQueue(stack, 'Cdktfs', { name: 'Cdktfs', dependsOn: [queue, lookedUp] });
    dependOn(ours, [queue, lookedUp]);
    const json = synthJson(stack);
    const dependsOn = (id: string) => Object.entries(json.resource.genesyscloud_routing_queue).find(([key]) => key.startsWith(id))![1].depends_on;
    expect(dependsOn('Ours')).toEqual(dependsOn('Cdktfs'));
    expect(dependsOn('Ours')).toEqual([expect.stringMatching(/^genesyscloud_routing_queue\.Queue/), expect.stringMatching(/^data\.genesyscloud_flow\.Looked/)]);
  });

  it('reads logical ids at synth: an override made afterwards is what depends_on names', () => {
    const stack = testStack();
    const queue = new RoutingQueue(stack, 'Queue', { name: 'Q' });
    const dependent = new RoutingQueue(stack, 'Dependent', { name: 'D' });
    dependOn(dependent, [queue]);
    queue.overrideLogicalId('renamed_queue');
    const json = synthJson(stack);
    expect(Object.entries(json.resource.genesyscloud_routing_queue).find(([key]) => key.startsWith('Dependent'))![1].depends_on).toEqual(['genesyscloud_routing_queue.renamed_queue']);
  });

  it('writes no depends_on for no targets', () => {
    const stack = testStack();
    const alone = new RoutingQueue(stack, 'Alone', { name: 'A' });
    dependOn(alone, []);
    expect(Object.values(synthJson(stack).resource.genesyscloud_routing_queue)[0]).not.toHaveProperty('depends_on');
  });
});
