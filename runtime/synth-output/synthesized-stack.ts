import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { calledModules } from '../../formats/archy-called-modules';
import { applySubstitutions } from './substitutions';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdk.tf.json read as written by cdktf; each field used is checked where read
type Json = Record<string, any>;

/** A flow the synthesized stack publishes, with its YAML as the provider would upload it. */
export interface ExpectedFlow {
  readonly name: string;
  /** API type: INBOUNDCALL, COMMONMODULE, INQUEUECALL. */
  readonly type: string;
  /** YAML after substitutions. */
  readonly yaml: string;
  /** Names of the shared flows it calls. */
  readonly callsModules: readonly string[];
}

export interface ExpectedIvr {
  readonly name: string;
  readonly dnis: readonly string[];
  /** Flow names bound to the IVR (undefined when not set). */
  readonly openHoursFlow?: string;
  readonly closedHoursFlow?: string;
  readonly holidayHoursFlow?: string;
  readonly hasScheduleGroup: boolean;
}

/** Publish order by API type: modules (which in-queue flows may call), then in-queue flows, then the rest. */
const PUBLISH_RANK: Record<string, number> = { COMMONMODULE: 0, INQUEUECALL: 1 };

const API_TYPES: Record<string, string> = { inboundCall: 'INBOUNDCALL', commonModule: 'COMMONMODULE', inqueueCall: 'INQUEUECALL' };

/**
 * What a synthesized stack (`cdktf.out/stacks/<stack>`) says should be live: the single source of truth
 * for the demo and drift detection. Resolves the Terraform references the stacks use for names
 * (`${genesyscloud_routing_queue.X.name}`, `${data....name}`, flow ids of IVR bindings) from cdk.tf.json.
 */
export class SynthesizedStack {
  static read(stackDir: string): SynthesizedStack {
    return new SynthesizedStack(stackDir, JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')));
  }

  readonly flows: ExpectedFlow[];
  readonly ivrs: ExpectedIvr[];
  /** Flows by Terraform address (`genesyscloud_flow.<logical id>`). */
  readonly flowsByAddress = new Map<string, ExpectedFlow>();
  private readonly flowNameByAddress = new Map<string, string>();
  /** The flows each flow's resource depends on (by address): flows it transfers to or overrides with publish first. */
  private readonly flowDependencies = new Map<ExpectedFlow, string[]>();

  constructor(
    readonly stackDir: string,
    readonly json: Json,
  ) {
    const flowResources = Object.entries((json.resource?.genesyscloud_flow ?? {}) as Record<string, Json>);
    this.flows = flowResources.map(([address, flow]) => {
      const substitutions = Object.fromEntries(
        Object.entries((flow.substitutions ?? {}) as Record<string, string>).map(([k, v]) => [this.resolve(k), this.resolve(v)]),
      );
      const yaml = applySubstitutions(fs.readFileSync(path.join(stackDir, flow.filepath), 'utf8'), substitutions);
      const doc = parse(yaml) as Record<string, Json>;
      const [key] = Object.keys(doc);
      this.flowNameByAddress.set(address, doc[key].name);
      const expected = { name: doc[key].name as string, type: API_TYPES[key] ?? key.toUpperCase(), yaml, callsModules: calledModules(doc[key]) };
      this.flowsByAddress.set(`genesyscloud_flow.${address}`, expected);
      this.flowDependencies.set(
        expected,
        ((flow.depends_on ?? []) as string[]).filter((d) => d.startsWith('genesyscloud_flow.')),
      );
      return expected;
    });
    this.ivrs = Object.values((json.resource?.genesyscloud_architect_ivr ?? {}) as Record<string, Json>).map((ivr) => ({
      name: this.resolve(ivr.name),
      dnis: [...(ivr.dnis ?? [])].map((d: string) => this.resolve(d)).sort(),
      openHoursFlow: this.flowName(ivr.open_hours_flow_id),
      closedHoursFlow: this.flowName(ivr.closed_hours_flow_id),
      holidayHoursFlow: this.flowName(ivr.holiday_hours_flow_id),
      hasScheduleGroup: Boolean(ivr.schedule_group_id),
    }));
  }

  /**
   * Flows in publish order: shared flows before the flows that call them, in-queue flows before the transfers
   * that name them, and every flow after the flows its resource depends on (a flow a transfer names).
   */
  flowsInPublishOrder(): ExpectedFlow[] {
    const rank = (type: string) => PUBLISH_RANK[type] ?? 2;
    const pending = [...this.flows].sort((a, b) => rank(a.type) - rank(b.type));
    const published = new Set<ExpectedFlow>();
    const ready = (flow: ExpectedFlow) =>
      (this.flowDependencies.get(flow) ?? []).every((address) => {
        const dependency = this.flowsByAddress.get(address);
        return dependency === undefined || published.has(dependency);
      });
    const order: ExpectedFlow[] = [];
    while (pending.length > 0) {
      // Terraform refuses a dependency cycle; the type order stands in if one were ever written.
      const next = Math.max(0, pending.findIndex(ready));
      const [flow] = pending.splice(next, 1);
      published.add(flow);
      order.push(flow);
    }
    return order;
  }

  /**
   * A Terraform string of cdk.tf.json as Terraform evaluates it: `$${` and `%%{` are literal `${` and `%{`
   * (how the stacks escape user text), and `${type.name.attr}` / `${data.type.name.attr}` references are
   * replaced with the (evaluated) literal values they point to.
   */
  resolve(value: string): string {
    return value.replace(/\$\$\{|%%\{|\$\{(data\.)?([a-z_]+)\.([A-Za-z0-9_]+)\.([a-z_]+)\}/g, (match, data, type, name, attr) => {
      if (match === '$${') return '${';
      if (match === '%%{') return '%{';
      const resolved = (data ? this.json.data : this.json.resource)?.[type]?.[name]?.[attr];
      if (typeof resolved !== 'string') throw new Error(`cannot resolve ${match} from the synthesized stack (known only after apply)`);
      return this.resolve(resolved);
    });
  }

  private flowName(ref: string | undefined): string | undefined {
    const address = ref ? /^\$\{genesyscloud_flow\.([A-Za-z0-9_]+)\.id\}$/.exec(ref)?.[1] : undefined;
    return address ? this.flowNameByAddress.get(address) : undefined;
  }
}
