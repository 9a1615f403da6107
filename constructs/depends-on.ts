import { IResolvable, IResolveContext, ITerraformDependable, TerraformResource, TerraformStack, Token } from 'cdktf';
import { dependable } from 'cdktf/lib/tfExpression';

/**
 * Sets `resource`'s `depends_on` to `targets` (nothing when there are none), as cdktf's `dependsOn`
 * writes it (`<type>.<logical id>`) and as a plain list (more can be appended). cdktf makes each entry a
 * token that captures a full stack trace and resolves through a second reference token in both synth
 * passes: a tenth of a 1 000-flow synth, most of it for the stack's check, which depends on every flow.
 * Each entry here is a light token read at synth (a logical id overridden later still counts); anything
 * but a resource of the resolving stack (a module, a data source, another stack's resource, whose
 * reference cdktf turns into a cross-stack one) goes through cdktf's own dependency token.
 */
export function dependOn(resource: TerraformResource, targets: readonly ITerraformDependable[]): void {
  if (targets.length > 0) resource.dependsOn = targets.map((target) => Token.asString(new DependencyName(target)));
}

class DependencyName implements IResolvable {
  readonly creationStack: string[] = [];

  constructor(private readonly target: ITerraformDependable) {}

  resolve(context: IResolveContext): string {
    const t = this.target;
    const sameStackResource = TerraformResource.isTerraformResource(t) && TerraformStack.of(t) === TerraformStack.of(context.scope);
    return sameStackResource ? `${t.terraformResourceType}.${t.friendlyUniqueId}` : dependable(t);
  }

  toString(): string {
    return Token.asString(this);
  }
}
