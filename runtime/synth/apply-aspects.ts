import { App, TerraformStack } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';

/**
 * Runs every stack's aspects (the flow checks are added by one) before `app.synth()` writes anything:
 * cdktf runs them stack by stack while writing, so an aspect's error in a later stack would leave the
 * earlier stacks written — in place, for `npx cdktf synth`. cdktf runs them again while writing; the
 * project's aspects act once.
 */
export function applyAspects(app: App): void {
  for (const stack of app.node.children) if (TerraformStack.isStack(stack)) invokeAspects(stack);
}
