import { IResolvable, ITerraformDependable, TerraformResource, Token } from 'cdktf';
import { dependable } from 'cdktf/lib/tfExpression';

/**
 * Sets `resource`'s `depends_on` to `targets` (nothing when there are none). The JSON is what cdktf's
 * `dependsOn` writes (`<type>.<logical id>`), but as one list token: cdktf makes a token per dependency,
 * each capturing a full stack trace, and resolves each through another reference token in both synth
 * passes — a tenth of a 1 000-flow synth, most of it for the stack's check, which depends on every flow.
 * The names are read when the stack is synthesized, so a logical id overridden later still counts.
 */
export function dependOn(resource: TerraformResource, targets: readonly ITerraformDependable[]): void {
  if (targets.length > 0) resource.dependsOn = Token.asList(new DependencyList([...targets]));
}

class DependencyList implements IResolvable {
  readonly creationStack: string[] = [];

  constructor(private readonly targets: readonly ITerraformDependable[]) {}

  resolve(): string[] {
    // Anything but a resource (a module, a data source) goes through cdktf's own dependency token.
    return this.targets.map((t) => (TerraformResource.isTerraformResource(t) ? `${t.terraformResourceType}.${t.friendlyUniqueId}` : dependable(t)));
  }
}
