import { GenesysRegion } from './regions';
import { normalizeRrule } from './schedule-values';

/** Where an environment keeps its Terraform state. */
export type BackendConfig =
  | {
      readonly type: 'local';
      /** State file path, relative to the stack folder (`cdktf.out/stacks/<stack>`). */
      readonly path: string;
    }
  | {
      readonly type: 's3';
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      /** @default - no state locking table */
      readonly dynamodbTable?: string;
      /** @default true */
      readonly encrypt?: boolean;
    }
  | {
      readonly type: 'remote';
      readonly organization: string;
      readonly workspace: string;
      /** @default 'app.terraform.io' */
      readonly hostname?: string;
    }
  | {
      readonly type: 'cloud';
      readonly organization: string;
      readonly workspace: string;
      /** @default 'app.terraform.io' */
      readonly hostname?: string;
    };

/** One inbound IVR of an environment. */
export interface IvrConfig {
  /** Numbers (E.164) that reach the IVR. */
  readonly dnis: readonly string[];
  /** Queue that callers who authenticated reach. */
  readonly queueName: string;
  /**
   * DID pool to create for the numbers.
   * @default - the numbers belong to a pool managed elsewhere
   */
  readonly didPool?: { readonly start: string; readonly end: string };
}

/** Opening hours of the IVRs; outside them callers hear a closed message. */
export interface BusinessHoursConfig {
  /** IANA time zone, e.g. `America/Indiana/Indianapolis`. */
  readonly timeZone: string;
  /** First opening, ISO-8601 local date-time without zone, e.g. `2026-01-05T08:00:00.000000`. */
  readonly start: string;
  /** End of that first opening, same format. */
  readonly end: string;
  /**
   * Recurrence (RFC 5545 RRULE), e.g. `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`; any letter case (RFC 5545 rule
   * parts are case-insensitive): `defineEnvironments` writes it in upper case, as the provider takes it.
   */
  readonly rrule: string;
  readonly closedMessage: string;
}

/**
 * Where the PIN module looks callers up: an existing data-actions integration of the org (an admin sets
 * up its credentials; they never reach this app) and the account service's lookup endpoint, which takes
 * `{ani, accountNumber}` and answers `{found, accountNumber, pin}`.
 */
export interface AccountLookupConfig {
  /** Name of the integration in the org (e.g. a "Web Services Data Actions" integration). */
  readonly integrationName: string;
  /** HTTPS URL of the lookup endpoint (POST). */
  readonly url: string;
}

/** Everything that differs between environments. */
export interface EnvironmentConfig {
  /** Short environment name: stack id is `contact-center-<name>`. */
  readonly name: string;
  /** Genesys Cloud region (the provider's `aws_region`). */
  readonly region: GenesysRegion;
  /** Architect division the flows belong to; the id is looked up when the name is `Home`. */
  readonly division: { readonly name: string; readonly id?: string };
  /** Prefix of every flow, IVR and queue name, e.g. `DEV `; keeps environments apart in one org. */
  readonly namePrefix: string;
  /** Create the queues (true) or look up existing ones by name (false). */
  readonly manageQueues: boolean;
  readonly pinAuth: {
    /** Attempts a caller gets (each no-input or wrong PIN uses one). */
    readonly maxAttempts: number;
    /**
     * The account service the PIN module asks, through a Genesys data action, for the caller's account and
     * PIN: no PIN is written in config, flows or Terraform.
     */
    readonly accountLookup: AccountLookupConfig;
  };
  readonly operatorQueueName: string;
  readonly ivrs: { readonly sales: IvrConfig; readonly support: IvrConfig };
  /** @default - always open */
  readonly businessHours?: BusinessHoursConfig;
  /**
   * An in-queue flow for every route of the IVRs: callers waiting for an agent hear `waitingMessage`,
   * their estimated wait time, then hold music, repeated until an agent answers.
   * @default - the queues' own in-queue handling (Architect's default in-queue flow)
   */
  readonly inQueue?: { readonly waitingMessage: string };
  /**
   * Post-apply checks of what Genesys published (see FlowCheck).
   * @default - checks on; stale external callers reported, not republished; destroy guarded
   */
  readonly flowChecks?: {
    /** @default true */
    readonly enabled?: boolean;
    /** @default false */
    readonly republishExternalCallers?: boolean;
    /** @default false */
    readonly allowDestroyWithExternalCallers?: boolean;
  };
  readonly backend: BackendConfig;
}

type ConfigScalar = string | number | boolean | bigint | symbol | null | undefined;

/**
 * What a config file may write for a `T`: the shape of `T` for the editor (completion, documentation),
 * but any value type-checks. The compiler does not judge config: `validateConfig` does, at synth, and
 * reports every mistake (an unknown key, a region that is not one of the provider's, a third IVR, a PIN
 * written as a number) with its code, path, value and fix (exit 1), where a type error would stop the
 * build with raw compiler output (exit 2).
 */
export type ConfigInput<T> = T extends ConfigScalar
  ? ConfigScalar | object
  : T extends readonly (infer E)[]
    ? readonly ConfigInput<E>[] | ConfigScalar | object
    : { readonly [K in keyof T]?: ConfigInput<T[K]> } | ConfigScalar | object;

/** One environment as written in `config/environments.ts` (see `ConfigInput`). */
export type EnvironmentInput = ConfigInput<EnvironmentConfig>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One environment as the stack reads it: the business hours' RRULE in upper case (`normalizeRrule`).
 * Anything else, and anything that is not the shape of a config, is returned as it is (validation judges
 * it).
 */
function normalized(env: unknown): unknown {
  if (!isPlainObject(env) || !Object.hasOwn(env, 'businessHours')) return env;
  const hours = env.businessHours;
  if (!isPlainObject(hours) || !Object.hasOwn(hours, 'rrule') || typeof hours.rrule !== 'string') return env;
  const rrule = normalizeRrule(hours.rrule);
  return rrule === hours.rrule ? env : { ...env, businessHours: { ...hours, rrule } };
}

/**
 * The environments of a config file, unchecked: typed as `EnvironmentConfig` for the code that reads
 * them after `validateConfig` (which every synth runs before building a stack). Values that config may
 * write in more than one way reach the stack in the one way Terraform takes them: an RRULE in upper case
 * (RFC 5545 rule parts are case-insensitive; the provider writes them upper-case). Returns a new array
 * (the given environments, normalized copies where a value changed).
 */
export function defineEnvironments(environments: EnvironmentInput[]): EnvironmentConfig[] {
  return (Array.isArray(environments) ? environments.map(normalized) : environments) as unknown as EnvironmentConfig[];
}
