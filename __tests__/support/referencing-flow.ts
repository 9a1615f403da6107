import { TerraformStack } from 'cdktf';
import { CallFlow } from '../../constructs';
import { Disconnect, Prompt, RawAction, Task } from '../../flow';
import { resourceAt, synthJson } from './fixtures';

/**
 * An action that names `targets` (as a data action call or a table lookup does), so tests can see a
 * flow's dependencies on them before the language has those actions.
 */
class ReferencingAction extends RawAction {
  constructor(private readonly targets: readonly object[]) {
    super('Uses targets', { addFlowMilestone: { name: 'Uses targets' } });
  }

  override references(): readonly object[] {
    return this.targets;
  }
}

/** The `depends_on` of a call flow (at `Caller`) whose one action names `targets`. */
export function dependsOnOfFlowNaming(stack: TerraformStack, targets: readonly object[]): string[] {
  const main = new Task('Main', [new ReferencingAction(targets), new Disconnect('Hang up')]);
  new CallFlow(stack, 'Caller', { name: 'Caller', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
  return resourceAt(synthJson(stack), 'genesyscloud_flow', 'Caller/Publication/Resource').depends_on ?? [];
}
