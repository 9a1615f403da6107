import AdmZip from 'adm-zip';
import type * as platformClient from 'purecloud-platform-client-v2';
import {
  contractViolation,
  maxPages,
  readConsumed,
  readConsumer,
  readExportedFlow,
  readExportJobRegistration,
  readExportJobState,
  readFlow,
  readImportJobRegistration,
  readImportJobState,
  readIvr,
  readListing,
  readOperation,
} from '../genesys/api-responses';
import { GenesysApis, GenesysClient } from '../genesys/genesys-client';
import { GenesysError, OWN_CLIENT, sanitize, scrubKnownSecrets } from '../genesys/genesys-error';
import { MAX_WAIT_MS, TimeBudget, boundedMs, pause, withDeadline } from '../genesys/time-budget';

type Flow = platformClient.Models.Flow;
type JobMessage = platformClient.Models.ArchitectJobMessage;

/** Poll timing; a value that is not a finite number from 0 to `MAX_POLL_MS` falls back to its default. */
export interface PollOptions {
  /** Give up after this long (the calls made while polling included). @default 120000 */
  readonly timeoutMs?: number;
  /**
   * The enclosing wait (a whole check's): the poll, and every call's retries in it, end when it is spent,
   * even before `timeoutMs`. @default - only the ops' and the client's budgets
   */
  readonly budget?: TimeBudget;
  /**
   * Wait between polls. @default 1000 (publish and import waits); for export jobs
   * {@link EXPORT_POLL_DEFAULTS}`.intervalMs`, growing after each poll (see `maxIntervalMs`)
   */
  readonly intervalMs?: number;
  /**
   * Wait before the first poll of an export job. @default intervalMs when it is given, else
   * {@link EXPORT_POLL_DEFAULTS}`.firstPollMs`
   */
  readonly firstPollMs?: number;
  /**
   * Longest wait between polls of an export job: after each poll that finds the job still running, the
   * wait grows by half ({@link EXPORT_POLL_DEFAULTS}`.growth`), from `intervalMs` up to this. @default
   * intervalMs when it is given (a fixed interval), else {@link EXPORT_POLL_DEFAULTS}`.maxIntervalMs`
   */
  readonly maxIntervalMs?: number;
}

/**
 * How an export job is polled when the caller sets no timing: what `npm run drift` and the post-apply
 * check use (neither sets any). Every poll is a request, counted against the per-token rate limit (300
 * a minute) that all export jobs in flight (up to 10) and the listings share, and a poll before the
 * job is done buys nothing; a poll after it is done costs the time it waited past the end.
 *
 * How long the platform takes is not documented (emulator/CONTRACT.md). The provider polls its
 * single-flow export jobs every 1 s (every 3 s in earlier versions); ours export up to 100 versions each
 * (build each YAML, zip them, store the zip behind a presigned URL), so the first poll comes after 2 s: a
 * job done by then costs one poll, which is the floor. A slower job is polled 2 s later, then the wait
 * grows by half per poll up to 5 s (polls at 2, 4, 7, 11.5, 16.5, 21.5 s, ...): a 30 s job costs 8 polls
 * instead of 15 at a fixed 2 s, and is seen at most 5 s after it ends; 10 jobs in flight then poll at
 * most 2 times a second (120 a minute), within the rate limit. Polling ends with the poll's time
 * budget (`timeoutMs`, default 120 s) or an enclosing one (a whole drift run's). A 429 on a poll waits
 * its `Retry-After` inside the same budgets (GenesysClient.call).
 */
export const EXPORT_POLL_DEFAULTS = { firstPollMs: 2000, intervalMs: 2000, maxIntervalMs: 5000, growth: 1.5 } as const;

/**
 * Flow versions per export job when the caller sets none (`npm run drift`'s `--export-batch-size`
 * default): no limit is documented; 100 keeps a job's zip small and 1 000 flows in 10 jobs.
 */
export const DEFAULT_EXPORT_BATCH_SIZE = 100;

/** Flows per page of the flow listing: what the provider requests (no maximum is documented). */
export const FLOW_PAGE_SIZE = 500;

/** IVRs per page of the IVR listing: what the provider requests (no maximum is documented). */
export const IVR_PAGE_SIZE = 100;

/** Longest wait `setTimeout` honours; also the longest poll timeout taken as given (see ../genesys/time-budget). */
export const MAX_POLL_MS = MAX_WAIT_MS;

/**
 * A poll duration as given when it is a finite number from 0 to {@link MAX_POLL_MS}, else the default: a
 * NaN, infinite or negative timeout would make the deadline unreachable or meaningless (polling forever).
 */
export function pollMs(value: number | undefined, fallback: number): number {
  return boundedMs(value, fallback);
}

/**
 * Architect operations built on the Genesys client, shared by the custom resource, drift and the demo.
 * Every answer is read through `../genesys/api-responses`: one that is not what the API contract
 * promises throws GC4006 (never "no flows", "no callers" or an empty export).
 */
export class ArchitectOps {
  /**
   * @param budget bounds everything these operations do (every call and its retries, every poll): once it
   * is spent, calls end with GC4004. The client's own budget, if any, applies too.
   */
  constructor(
    readonly client: GenesysClient,
    readonly budget?: TimeBudget,
    /** Shared by the ops made with {@link within}: export jobs they poll at the same time poll as one wave. */
    private readonly exportPolls: ExportPollWave = new ExportPollWave(),
  ) {}

  /** The same operations, bounded by `budget` as well (e.g. a whole drift check's). */
  within(budget: TimeBudget | undefined): ArchitectOps {
    return budget === undefined
      ? this
      : new ArchitectOps(this.client, TimeBudget.within(budget.remainingMs, [budget, this.budget]), this.exportPolls);
  }

  /** A budget of `totalMs` for one wait or poll, ended early by the enclosing ones. */
  private pollBudget(totalMs: number, poll: PollOptions): TimeBudget {
    return TimeBudget.within(totalMs, [poll.budget, this.budget, this.client.budget]);
  }

  /** One call, bounded by `budget` (default: the ops' budget). */
  private call<T>(label: string, run: (apis: GenesysApis) => Promise<unknown>, budget: TimeBudget | undefined = this.budget): Promise<T> {
    return this.client.call<T>(label, run, { budget });
  }

  /** The flow with exactly this name and type, or undefined (the API's name search also matches partially). */
  async findFlow(name: string, type: string): Promise<Flow | undefined> {
    return (await this.lookupFlow(name, type)).flow;
  }

  /**
   * The flow with exactly this name and type, and the `total` the name listing stated (undefined when
   * it stated none). "No such flow" holds only when the listing stated its total: a listing without one
   * cannot show that nothing was left out.
   */
  async lookupFlow(
    name: string,
    type: string,
    budget: TimeBudget | undefined = this.budget,
  ): Promise<{ flow: Flow | undefined; statedTotal: number | undefined }> {
    const { entities, statedTotal } = await this.allPagesWithTotal(
      'GET /api/v2/flows',
      500,
      readFlow,
      (a, pageNumber, pageSize) => a.architect.getFlows({ name, type: [type.toLowerCase()], pageSize, pageNumber, includeSchemas: false }),
      budget,
    );
    return { flow: entities.find((f) => f.name === name && f.type!.toUpperCase() === type.toUpperCase()), statedTotal };
  }

  async getFlow(id: string): Promise<Flow> {
    return readFlow('GET /api/v2/flows/{id}', await this.call('GET /api/v2/flows/{id}', (a) => a.architect.getFlow(id)));
  }

  /**
   * The flow with this id, or undefined when the API answers 404 for it (the flow does not exist). Any
   * other failure throws: it does not tell whether the flow exists.
   */
  async getFlowIfExists(id: string): Promise<Flow | undefined> {
    try {
      return await this.getFlow(id);
    } catch (err) {
      if (err instanceof GenesysError && err.status === 404 && err.code === 'GC4003') return undefined;
      throw err;
    }
  }

  /**
   * Waits until the flow exists with a published version (publishing is asynchronous). `timeoutMs` bounds
   * the whole wait, the lookups and their retries included: a lookup rate limited past the end of the
   * wait ends it (GC4004); a wait that ends after a lookup found the flow unpublished (or missing) is GC4003.
   */
  async waitForPublished(name: string, type: string, poll: PollOptions = {}): Promise<Flow> {
    const budget = this.pollBudget(pollMs(poll.timeoutMs, 120_000), poll);
    const interval = pollMs(poll.intervalMs, 1000);
    const notPublished = (flow: Flow | undefined, note = '') =>
      new GenesysError(
        'GC4003',
        `flow ${type} '${name}'`,
        `${flow ? 'the flow exists but has no published version' : 'no flow with this name and type exists'}${note}`,
        name,
        'check the apply of its genesyscloud_flow resource (the import job may have failed)',
      );
    let looked = false;
    let last: Flow | undefined;
    for (;;) {
      try {
        last = (await this.lookupFlow(name, type, budget)).flow;
      } catch (err) {
        // The wait ended during a lookup: what the earlier lookup saw is the answer.
        if (looked && budget.expired && err instanceof GenesysError && err.code === 'GC4004')
          throw notPublished(last, ` (the last lookup, when the wait of ${budget.totalMs} ms ended: ${err.detail})`);
        throw err;
      }
      looked = true;
      if (last?.publishedVersion?.id) return last;
      if (budget.expired) throw notPublished(last);
      await pause(Math.min(interval, budget.remainingMs));
    }
  }

  /**
   * Exports flow versions with one export job (many versions per job keeps API calls low) and returns
   * the YAML of each, keyed by flow id.
   */
  async exportVersions(refs: ReadonlyArray<{ id: string; version: string }>, poll: PollOptions = {}): Promise<Map<string, string>> {
    const register = 'POST /api/v2/flows/export/jobs';
    const budget = this.pollBudget(pollMs(poll.timeoutMs, 120_000), poll);
    const job = readExportJobRegistration(
      register,
      await this.call(
        register,
        (a) =>
          a.architect.postFlowsExportJobs({
            flows: refs.map((r, i) => ({ flow: { id: r.id, version: r.version }, fileName: exportFileName(r.id, i), exportType: 'Yaml' })),
          }),
        budget,
      ),
    );
    const status = 'GET /api/v2/flows/export/jobs/{id}';
    const wait = exportPollSchedule(poll);
    // One job of those in flight leads (is polled on the schedule); the others, registered about when it
    // was and as large, are polled once it is done (never before their own schedule's next poll).
    const wave = this.exportPolls.join();
    let state: platformClient.Models.ArchitectExportJobStateResponse;
    try {
      for (let first = true; ; first = false) {
        await pause(Math.min(wait.next().value, budget.remainingMs));
        if (first) await wave.leadDone(budget.remainingMs);
        state = readExportJobState(status, await this.call(status, (a) => a.architect.getFlowsExportJob(job.id, { expand: ['messages'] }), budget));
        if (state.status !== 'Started' && state.status !== 'Registered') break;
        if (budget.expired)
          throw new GenesysError('GC4004', 'export job', `the export job did not finish within ${budget.totalMs} ms`, job.id, 'retry later');
      }
    } finally {
      wave.leave();
    }
    if (state.status === 'Failure') {
      throw new GenesysError(
        'GC4003',
        'export job',
        `the export failed: ${plainMessages(state.messages)}`,
        job.id,
        'retry; if it persists, export the flow in Architect to see why',
      );
    }
    const download = 'download of the export';
    const data = await this.client.download(state.downloadUrl!, { budget });
    if (!isZip(data)) {
      if (refs.length !== 1)
        throw contractViolation(download, `expected a zip of ${refs.length} files (the export of several flows is a zip), got something else`, data);
      return new Map([[refs[0].id, scrubKnownSecrets(readExportedFlow(download, data.toString('utf8')))]]);
    }
    // Each file carries the name we asked for plus the extension the platform appends; match by name, not by position.
    const byName = new Map<string, string>();
    try {
      for (const e of new AdmZip(data).getEntries()) {
        if (!e.isDirectory) byName.set(withoutExtension(e.entryName.split('/').pop()!), e.getData().toString('utf8'));
      }
    } catch (err) {
      throw contractViolation(download, `the zip cannot be read (${(err as Error).message})`, data);
    }
    const result = new Map<string, string>();
    for (const [i, r] of refs.entries()) {
      const yaml = byName.get(exportFileName(r.id, i));
      if (yaml === undefined) throw contractViolation(download, `the export has no file for flow ${r.id}`, [...byName.keys()].join(', '));
      // Scrubbed before anything compares, summarizes or cuts it: a cut could leave part of a credential unrecognizable.
      result.set(r.id, scrubKnownSecrets(readExportedFlow(`${download}, file for flow ${r.id}`, yaml)));
    }
    return result;
  }

  /** Published flows that call a common module: id, name, type and the consumer's version. */
  async consumersOf(moduleId: string): Promise<platformClient.Models.Dependency[]> {
    return this.allPages('GET /api/v2/architect/dependencytracking/consumingresources', 100, readConsumer, (a, pageNumber, pageSize) =>
      a.architect.getArchitectDependencytrackingConsumingresources(moduleId, 'COMMONMODULEFLOW', { flowFilter: 'published', pageSize, pageNumber }),
    );
  }

  /** Every flow of the given types, in pages of {@link FLOW_PAGE_SIZE}. */
  async listFlows(types: string[]): Promise<Flow[]> {
    return this.allPages('GET /api/v2/flows', FLOW_PAGE_SIZE, readFlow, (a, pageNumber, pageSize) =>
      a.architect.getFlows({ type: types, pageSize, pageNumber }),
    );
  }

  /** Every IVR configuration, in pages of {@link IVR_PAGE_SIZE}. */
  async listIvrs(): Promise<platformClient.Models.IVR[]> {
    return this.allPages('GET /api/v2/architect/ivrs', IVR_PAGE_SIZE, readIvr, (a, pageNumber, pageSize) =>
      a.architect.getArchitectIvrs({ pageSize, pageNumber }),
    );
  }

  /**
   * Follows a paged listing to its last page, reading every page (see `readListing`): at most
   * `maxPages(pageSize)` pages. The pages must add up, or the listing is GC4006 (could not check):
   * every page states the same `total`, `pageCount` and page size (a listing that changes while it is
   * read cannot be trusted: some entity may sit on no page we read), a page that only repeats entities
   * already seen is an error (a server ignoring `pageNumber` would otherwise be followed to the bound),
   * and at the end the distinct entities collected are exactly `total`.
   */
  private async allPages<T extends { id?: string }>(
    label: string,
    pageSize: number,
    readEntity: (call: string, value: unknown) => T,
    fetchPage: (apis: GenesysApis, pageNumber: number, pageSize: number) => Promise<unknown>,
  ): Promise<T[]> {
    return (await this.allPagesWithTotal(label, pageSize, readEntity, fetchPage, this.budget)).entities;
  }

  /** {@link allPages}, and the `total` every page stated (undefined when they stated none). */
  private async allPagesWithTotal<T extends { id?: string }>(
    label: string,
    pageSize: number,
    readEntity: (call: string, value: unknown) => T,
    fetchPage: (apis: GenesysApis, pageNumber: number, pageSize: number) => Promise<unknown>,
    budget: TimeBudget | undefined,
  ): Promise<{ entities: T[]; statedTotal: number | undefined }> {
    const found: T[] = [];
    const seen = new Set<string>();
    const limit = maxPages(pageSize);
    let first: { total: number | undefined; pageCount: number; pageSize: number } | undefined;
    for (let page = 1; page <= limit; page++) {
      const call = page === 1 ? label : `${label} (page ${page})`;
      const listing = readListing(
        call,
        await this.call(call, (a) => fetchPage(a, page, pageSize), budget),
        { pageNumber: page, pageSize },
        readEntity,
      );
      const stated = { total: listing.total, pageCount: listing.pageCount, pageSize: listing.pageSize };
      if (!first) first = stated;
      for (const field of ['total', 'pageCount', 'pageSize'] as const) {
        if (stated[field] !== first[field]) {
          throw contractViolation(
            call,
            `page ${page} states ${field} ${stated[field] ?? '(none)'} but page 1 stated ${first[field] ?? '(none)'} (the listing changed while it was read, or the pages do not add up)`,
            stated,
          );
        }
      }
      const keys = listing.entities.map((e) => e.id ?? JSON.stringify(e));
      if (page > 1 && keys.length > 0 && keys.every((k) => seen.has(k))) {
        throw contractViolation(call, `page ${page} only repeats entities of earlier pages`, keys.join(', '));
      }
      listing.entities.forEach((e, i) => {
        if (!seen.has(keys[i])) found.push(e);
        seen.add(keys[i]);
      });
      if (page >= listing.pageCount) {
        if (first.total !== undefined && found.length !== first.total) {
          throw contractViolation(call, `the pages hold ${found.length} distinct entities but every page states a total of ${first.total}`, stated);
        }
        return { entities: found, statedTotal: first.total };
      }
    }
    throw contractViolation(label, `no last page within the bound of ${limit} pages`, undefined);
  }

  /** Version of `moduleName` bound into the consumer's published version (undefined when it does not call it). */
  async boundModuleVersion(consumer: platformClient.Models.Dependency, moduleName: string): Promise<string | undefined> {
    const consumed = await this.allPages('GET /api/v2/architect/dependencytracking/consumedresources', 100, readConsumed, (a, pageNumber, pageSize) =>
      a.architect.getArchitectDependencytrackingConsumedresources(consumer.id!, consumer.version!, consumer.type ?? 'INBOUNDCALLFLOW', {
        pageSize,
        pageNumber,
      }),
    );
    return consumed.find((d) => d.name === moduleName && d.type === 'COMMONMODULEFLOW')?.version;
  }

  /** Publishes the flow's latest configuration again (rebinding the modules it calls). */
  async publish(flowId: string): Promise<platformClient.Models.Operation> {
    const call = 'POST /api/v2/flows/actions/publish';
    const operation = readOperation(call, await this.call(call, (a) => a.architect.postFlowsActionsPublish(flowId)));
    if (operation.errorMessage) {
      throw new GenesysError(
        'GC4003',
        `publish ${flowId}`,
        `publishing failed: ${sanitize(String(operation.errorMessage), 1000)}`,
        flowId,
        'open the flow in Architect to see the validation errors',
      );
    }
    return operation;
  }

  /**
   * Imports and publishes a flow file the way the provider does: register a job, PUT the YAML to the
   * presigned URL, poll the job. Returns the job's messages; throws with them in plain words on failure.
   */
  async importFlow(yaml: string, poll: PollOptions = {}): Promise<{ flowId?: string; messages: string[] }> {
    const register = 'POST /api/v2/flows/jobs';
    const budget = this.pollBudget(pollMs(poll.timeoutMs, 16 * 60_000), poll);
    const job = readImportJobRegistration(register, await this.call(register, (a) => a.architect.postFlowsJobs(), budget));
    await this.client.upload(job.presignedUrl, job.headers ?? {}, yaml, { budget });
    const interval = pollMs(poll.intervalMs, 1000);
    const status = 'GET /api/v2/flows/jobs/{id}';
    for (;;) {
      await pause(Math.min(interval, budget.remainingMs));
      const state = readImportJobState(status, await this.call(status, (a) => a.architect.getFlowsJob(job.id, { expand: ['messages'] }), budget));
      if (state.status === 'Success')
        return { flowId: state.flow?.id, messages: (state.messages ?? []).map((m) => sanitize(String(m.text ?? ''), 1000)) };
      if (state.status === 'Failure') {
        throw new GenesysError(
          'GC4003',
          'import job',
          `the platform rejected the flow: ${plainMessages(state.messages)}`,
          job.id,
          'fix the flow definition (see the messages) and apply again',
        );
      }
      if (budget.expired) throw new GenesysError('GC4004', 'import job', 'the import job did not finish in time', job.id, 'apply again later');
    }
  }
}

/**
 * Export jobs in flight at once (a drift check runs up to 10) poll as one wave: the first registered
 * while none leads becomes the lead and is polled on its schedule; each job that joins while it leads
 * first waits its own schedule's first wait, and then for the lead's job to end, before its first poll.
 * Jobs registered together, of the same size, end about together: when the platform is slower than the
 * first poll, only the lead pays the extra polls (10 jobs of 5 s: 12 polls, not 30). A job still running
 * at its first poll goes on with its own schedule; a lead that fails or gives up ends the wait just the
 * same, and the wait is bounded by the poll's budget.
 */
class ExportPollWave {
  private lead?: Promise<void>;

  /** Joins the wave: as its lead when none leads. `leave()` when the job's polling ends (in `finally`). */
  join(): { leadDone(ms: number): Promise<void>; leave(): void } {
    const lead = this.lead;
    if (lead) {
      return {
        leadDone: async (ms) => {
          await withDeadline(ms, () => lead).catch(() => undefined);
        },
        leave: () => undefined,
      };
    }
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.lead = done;
    return {
      leadDone: async () => undefined,
      leave: () => {
        if (this.lead === done) this.lead = undefined;
        end();
      },
    };
  }
}

/**
 * The waits before each poll of an export job (see {@link EXPORT_POLL_DEFAULTS}): `firstPollMs`, then
 * `intervalMs` growing by half per poll up to `maxIntervalMs`. A caller that gives `intervalMs` alone
 * gets it as a fixed interval, the first poll included (as before the backoff existed). A value that is
 * not a finite number from 0 to `MAX_POLL_MS` falls back to its default.
 */
export function* exportPollSchedule(poll: PollOptions = {}): Generator<number, never> {
  const givenInterval = pollMs(poll.intervalMs, 0) === poll.intervalMs;
  const interval = pollMs(poll.intervalMs, EXPORT_POLL_DEFAULTS.intervalMs);
  const first = pollMs(poll.firstPollMs, givenInterval ? interval : EXPORT_POLL_DEFAULTS.firstPollMs);
  const longest = Math.max(interval, pollMs(poll.maxIntervalMs, givenInterval ? interval : EXPORT_POLL_DEFAULTS.maxIntervalMs));
  yield first;
  for (let wait = interval; ; wait = Math.min(longest, Math.round(wait * EXPORT_POLL_DEFAULTS.growth))) yield wait;
}

/** Job messages as one readable sentence list, each scrubbed like any text from a server. */
export function plainMessages(messages: readonly JobMessage[] | undefined): string {
  const texts = (messages ?? [])
    .filter((m) => m.type !== 'info')
    .map((m) => sanitize(String(m.text ?? '').trim(), 1000))
    .filter(Boolean);
  return texts.length > 0 ? texts.join(' | ') : 'no message from the platform';
}

/**
 * Who holds a lock on the flow, in words, or undefined when it is not locked or only by our own client
 * (a deploy in flight). Another client is named by its name or id (it identifies who holds the lock);
 * ours never is (see `OWN_CLIENT`).
 */
export function lockHolder(flow: Flow, ourClientId: string): string | undefined {
  if (flow.lockedUser) return `user ${flow.lockedUser.name ?? flow.lockedUser.id}`;
  if (flow.lockedClient && flow.lockedClient.id !== ourClientId) return `OAuth client ${flow.lockedClient.name ?? flow.lockedClient.id}`;
  return undefined;
}

/**
 * What in the flow is not published, in words, or undefined when its published version is all there is:
 * a saved draft (`savedVersion`), a checked-in version other than the published one, or a lock by
 * anyone (our own client included: someone is working on the flow). A publish would publish that work
 * (a publish takes the flow's latest configuration), so only its owner may decide to.
 */
export function unpublishedChanges(flow: Flow, ourClientId: string): string | undefined {
  const published = flow.publishedVersion?.id;
  const reasons: string[] = [];
  if (flow.savedVersion?.id) reasons.push(`a saved draft, version ${flow.savedVersion.id}`);
  if (flow.checkedInVersion?.id && flow.checkedInVersion.id !== published)
    reasons.push(`checked-in version ${flow.checkedInVersion.id}, not the published version ${published ?? '(none)'}`);
  if (flow.lockedUser || flow.lockedClient) {
    reasons.push(`locked by ${lockHolder(flow, ourClientId) ?? OWN_CLIENT}`);
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * Who published a flow version, in words: `user <name>`, `OAuth client <another client's id>`, or
 * `OWN_CLIENT` when it was our own client (whose id is never printed); undefined when the version names
 * nobody.
 */
export function publisherOf(version: platformClient.Models.FlowVersion | undefined, ourClientId: string): string | undefined {
  if (version?.createdBy) return `user ${version.createdBy.name ?? version.createdBy.id}`;
  const client = version?.createdByClient?.id;
  if (!client) return undefined;
  return client === ourClientId ? OWN_CLIENT : `OAuth client ${client}`;
}

/**
 * `ExportDetails.fileName`: "Must contain only alphanumeric characters, underscores, or hyphens"; the
 * platform appends the extension (Genesys SDK model docs, ExportDetails). The index keeps names unique.
 */
export function exportFileName(flowId: string, index: number): string {
  return `flow_${index}_${flowId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** `flow_0_abc.yaml` → `flow_0_abc`: the platform's extension is not part of the name we gave. */
function withoutExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

function isZip(data: Buffer): boolean {
  return data.length > 3 && data[0] === 0x50 && data[1] === 0x4b;
}
