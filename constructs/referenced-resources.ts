import { ITerraformDependable } from 'cdktf';
import { FlowDefinition } from '../flow';

/**
 * What a flow's resource must be published after, besides its queues and shared flows: the constructs
 * among what its actions name (data actions, data tables, other flows), by their `dependable`. Architect
 * YAML names these, so Terraform sees no edge unless one is made; a name-only reference has none.
 */
export function referencedDependables(definition: FlowDefinition): ITerraformDependable[] {
  const found: ITerraformDependable[] = [];
  for (const reference of definition.references()) {
    const dependable = (reference as { readonly dependable?: ITerraformDependable }).dependable;
    if (dependable && !found.includes(dependable)) found.push(dependable);
  }
  return found;
}
