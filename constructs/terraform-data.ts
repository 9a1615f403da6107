import { Construct } from 'constructs';
import { TerraformResource, TerraformResourceConfig } from 'cdktf';

export interface TerraformDataProps extends Omit<TerraformResourceConfig, 'terraformResourceType' | 'terraformGeneratorMetadata'> {
  /** Stored in state; provisioners read it as `self.input`. */
  readonly input?: Record<string, unknown>;
  /** Any change replaces the resource (destroy, then create). */
  readonly triggersReplace?: Record<string, unknown>;
}

/**
 * Terraform's built-in `terraform_data` resource (Terraform >= 1.4). cdktf's own `DataResource` shells
 * out to `terraform version` at synth for every instance, which breaks synth on machines without
 * Terraform and costs a process per flow; this class writes the same JSON without that check.
 */
export class TerraformData extends TerraformResource {
  private readonly inputValue?: Record<string, unknown>;
  private readonly triggersValue?: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: TerraformDataProps = {}) {
    super(scope, id, { ...props, terraformResourceType: 'terraform_data', terraformGeneratorMetadata: { providerName: 'terraform' } });
    this.inputValue = props.input;
    this.triggersValue = props.triggersReplace;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { input: this.inputValue, triggers_replace: this.triggersValue };
  }
}
