import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { sha256 } from '../flow';
import { StackClaims } from './stack-claims';

/**
 * A provider substitution key unique in the stack and stable across synths: derived from the
 * construct's path inside its stack (`queue_Queues_Sales`). Paths that sanitize to the same key
 * (`Sales_Queue` vs `Sales/Queue`) get a suffix from a hash of the full path, so two queues can never
 * share a placeholder.
 */
export function substitutionKey(prefix: string, construct: Construct): string {
  const stack = TerraformStack.of(construct);
  const relative = construct.node.scopes.slice(stack.node.scopes.length).map((s) => s.node.id);
  const readable = `${prefix}_${relative.join('_').replace(/[^A-Za-z0-9_]+/g, '_')}`;
  const claimed = StackClaims.of(stack, 'substitution-keys');
  const path = construct.node.path;
  const owner = claimed.ownerOf(readable);
  const key = owner === undefined || owner === path ? readable : `${readable}_${sha256(path).slice(0, 8)}`;
  claimed.claim(key, path);
  return key;
}
