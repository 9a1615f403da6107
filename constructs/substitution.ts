import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';

/**
 * A provider substitution key unique in the stack and stable across synths: derived from the
 * construct's path inside its stack (`queue_Queues_Sales`).
 */
export function substitutionKey(prefix: string, construct: Construct): string {
  const stack = TerraformStack.of(construct);
  const relative = construct.node.scopes
    .slice(stack.node.scopes.length)
    .map((s) => s.node.id)
    .join('_');
  return `${prefix}_${relative.replace(/[^A-Za-z0-9_]+/g, '_')}`;
}
