import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataGenesyscloudIntegration } from '../.gen/providers/genesyscloud/data-genesyscloud-integration';
import { childPath, refuseProblems, safeNameProblems } from './construct-input';
import { terraformText } from './terraform-text';

/**
 * An integration of the org (e.g. a "Genesys Cloud Data Actions" integration) that data actions belong
 * to. Creating one needs OAuth credentials an admin sets up in Genesys, which never go in this app's
 * code: this app only looks existing ones up.
 */
export interface IIntegration {
  /** The integration's name (what flows address its data actions by, Archy's `category`). */
  readonly integrationName: string;
  /** Terraform reference to the integration's id. */
  readonly integrationId: string;
  /** What resources using the integration depend on. */
  readonly dependable: ITerraformDependable;
}

/** Integrations that exist in the org. */
export class Integration {
  /** An existing integration, looked up by name (`data.genesyscloud_integration`). */
  static fromName(scope: Construct, id: string, name: string): IIntegration {
    return new ImportedIntegration(scope, id, name);
  }

  private constructor() {}
}

class ImportedIntegration extends Construct implements IIntegration {
  readonly integrationId: string;
  readonly dependable: ITerraformDependable;

  constructor(
    scope: Construct,
    id: string,
    readonly integrationName: string,
  ) {
    const path = childPath(scope, id);
    refuseProblems(
      safeNameProblems('GC2022', path, integrationName, {
        what: 'integration name',
        fix: "use the integration's name as Genesys Cloud shows it under Admin > Integrations",
        why: 'flows write it as the data action category',
      }),
    );
    super(scope, id);
    const lookup = new DataGenesyscloudIntegration(this, 'Lookup', { name: terraformText(integrationName) });
    this.integrationId = lookup.id;
    this.dependable = lookup;
  }
}
