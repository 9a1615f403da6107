import { randomUUID } from 'crypto';
import type * as platformClient from 'purecloud-platform-client-v2';

export type ApiFlow = platformClient.Models.Flow;
export type ApiFlowVersion = platformClient.Models.FlowVersion;

/** Who made a change: an OAuth client (API/Terraform) or a user (the Architect UI). */
export type Actor = { kind: 'client'; id: string } | { kind: 'user'; id: string; name: string };

/** One published version of a flow, with the YAML it was published from. */
export interface StoredVersion {
  readonly id: string;
  readonly yaml: string;
  readonly actor: Actor;
  readonly datePublished: string;
  /** Module name → module version id bound into this version at publish time (Architect snapshots modules). */
  readonly boundModules: Readonly<Record<string, string>>;
}

export interface StoredFlow {
  readonly id: string;
  name: string;
  readonly type: string;
  division: string;
  versions: StoredVersion[];
  publishedVersionId?: string;
  /** A draft saved on top of the published version (Architect UI). */
  savedDraft?: { yaml: string; actor: Actor };
  lockedBy?: Actor;
}

export interface StoredIvr {
  readonly id: string;
  name: string;
  description?: string;
  dnis: string[];
  openHoursFlowId?: string;
  closedHoursFlowId?: string;
  holidayHoursFlowId?: string;
  scheduleGroupId?: string;
  /** Optimistic-locking version (PY build/docs/IVR.md `version`): 1 on create, +1 on every update. */
  version: number;
  readonly dateCreated: string;
  dateModified: string;
}

/** The emulated org: flows, IVRs and their history. Plain data; the server mutates it. */
export class OrgState {
  readonly orgId = randomUUID();
  readonly flows = new Map<string, StoredFlow>();
  readonly ivrs = new Map<string, StoredIvr>();

  findFlow(name: string, type: string): StoredFlow | undefined {
    return [...this.flows.values()].find((f) => f.name === name && f.type.toLowerCase() === type.toLowerCase());
  }

  published(flow: StoredFlow): StoredVersion | undefined {
    return flow.versions.find((v) => v.id === flow.publishedVersionId);
  }

  /** Publishes `yaml` as a new version of the flow `name`/`type`, creating the flow when missing. */
  publish(name: string, type: string, division: string, yaml: string, actor: Actor, boundModules: Record<string, string>): StoredFlow {
    let flow = this.findFlow(name, type);
    if (!flow) {
      flow = { id: randomUUID(), name, type, division, versions: [] };
      this.flows.set(flow.id, flow);
    }
    const version: StoredVersion = {
      id: `${flow.versions.length + 1}.0`,
      yaml,
      actor,
      datePublished: new Date().toISOString(),
      boundModules,
    };
    flow.versions.push(version);
    flow.publishedVersionId = version.id;
    flow.savedDraft = undefined;
    flow.division = division;
    return flow;
  }

  toApiVersion(flow: StoredFlow, version: StoredVersion): ApiFlowVersion {
    return {
      id: version.id,
      name: flow.name,
      type: flow.type,
      commitVersion: version.id,
      configurationVersion: version.id,
      createdBy: version.actor.kind === 'user' ? ({ id: version.actor.id, name: version.actor.name } as ApiFlowVersion['createdBy']) : undefined,
      createdByClient: version.actor.kind === 'client' ? { id: version.actor.id } : undefined,
      datePublished: version.datePublished,
      selfUri: `/api/v2/flows/${flow.id}/versions/${version.id}`,
    };
  }

  toApiFlow(flow: StoredFlow): ApiFlow {
    const published = this.published(flow);
    const lock = flow.lockedBy;
    return {
      id: flow.id,
      name: flow.name,
      type: flow.type,
      division: { id: 'home-division', name: flow.division },
      active: true,
      system: false,
      deleted: false,
      publishedVersion: published ? this.toApiVersion(flow, published) : undefined,
      savedVersion: flow.savedDraft ? { id: `${flow.versions.length + 1}.0-draft`, name: flow.name } : undefined,
      checkedInVersion: published ? this.toApiVersion(flow, published) : undefined,
      lockedUser: lock?.kind === 'user' ? ({ id: lock.id, name: lock.name } as ApiFlow['lockedUser']) : undefined,
      lockedClient: lock?.kind === 'client' ? { id: lock.id, name: lock.id } : undefined,
      selfUri: `/api/v2/flows/${flow.id}`,
    };
  }
}
