import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataGenesyscloudFlow } from '../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { FLOW_TYPE_INFO, FlowType } from '../flow';
import { childPath } from './construct-input';
import { checkFlowNameToLookUp } from './flow-construct-input';
import { terraformText } from './terraform-text';

/**
 * A flow that exists elsewhere (another stack, or the org), looked up by name and type at plan time
 * (`data.genesyscloud_flow`). It has no definition here: the simulator stops at it.
 */
export class ImportedFlow<T extends FlowType> extends Construct {
  readonly dependable: ITerraformDependable;
  readonly flowId: string;

  constructor(
    scope: Construct,
    id: string,
    readonly flowName: string,
    readonly flowType: T,
  ) {
    checkFlowNameToLookUp(childPath(scope, id), flowName);
    super(scope, id);
    const lookup = new DataGenesyscloudFlow(this, 'Lookup', { name: terraformText(flowName), type: FLOW_TYPE_INFO[flowType].apiType });
    this.dependable = lookup;
    this.flowId = lookup.id;
  }
}
