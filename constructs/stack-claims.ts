import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';

/**
 * Names that must be unique in a stack (flow names, substitution keys), each with the path of the construct
 * that claimed it. The claims are a child of the stack, not module state: they belong to that stack and go
 * with it. The child holds no Terraform element, so it adds nothing to cdk.tf.json.
 */
export class StackClaims extends Construct {
  /** The claims of one `kind` in the stack of `scope`, added to that stack on first use. */
  static of(scope: IConstruct, kind: string): StackClaims {
    const stack = TerraformStack.of(scope);
    const id = `@genesys-cdktf:claims:${kind}`;
    const existing = stack.node.tryFindChild(id);
    // Any other construct under this id makes `new` fail with constructs' own duplicate-id error.
    return existing instanceof StackClaims ? existing : new StackClaims(stack, id);
  }

  private readonly owners = new Map<string, string>();

  /** The path of the construct that claimed `name`, if one did. */
  ownerOf(name: string): string | undefined {
    return this.owners.get(name);
  }

  /** Records the construct at `path` as the owner of `name`. */
  claim(name: string, path: string): void {
    this.owners.set(name, path);
  }
}
