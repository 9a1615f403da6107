import { TerraformOutput } from 'cdktf';
import { IQueue, Queue, QueueBase, isQueueConstruct } from '../../constructs';
import { queueNamed } from '../../flow';
import { resourceAt, synthJson, testStack } from '../support/fixtures';

describe('QueueBase', () => {
  it('is what a managed queue and an imported one share: name, substitution key, name in flows', () => {
    const stack = testStack();
    const queues: IQueue[] = [new Queue(stack, 'Sales', { name: 'Sales' }), Queue.fromName(stack, 'Operator', 'Operator')];
    for (const queue of queues) {
      expect(queue).toBeInstanceOf(QueueBase);
      expect(isQueueConstruct(queue)).toBe(true);
      expect(queue.nameInFlow).toBe(`{{${queue.substitutionKey}}}`);
    }
    expect(queues.map((q) => [q.queueName, q.substitutionKey])).toEqual([
      ['Sales', 'queue_Sales'],
      ['Operator', 'queue_Operator'],
    ]);
    expect(isQueueConstruct(queueNamed('Sales'))).toBe(false);
  });

  it("leaves the name attribute to each variant: the managed queue's resource, the imported queue's data source", () => {
    const stack = testStack();
    new TerraformOutput(stack, 'managed', { value: new Queue(stack, 'Sales', { name: 'Sales' }).nameAttribute });
    new TerraformOutput(stack, 'imported', { value: Queue.fromName(stack, 'Operator', 'Operator').nameAttribute });
    const json = synthJson(stack);
    const sales = resourceAt(json, 'genesyscloud_routing_queue', 'Sales/Resource').address;
    const operator = resourceAt(json, 'genesyscloud_routing_queue', 'Operator/Lookup', 'data').address;
    expect(json.output.managed.value).toBe(`\${${sales}.name}`);
    expect(json.output.imported.value).toBe(`\${${operator}.name}`);
  });
});
