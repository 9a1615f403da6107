/**
 * What the caller does and what the flow would find, for one simulated call. `simulateCall` checks every
 * field before the call starts (a field it does not know, a value out of range: ScriptError).
 */
export interface CallScript {
  /**
   * Keypresses in order: one entry per Collect Input or menu that waits for the caller (`'1234'`,
   * `'4321#'`, `'1'`; `null`, `''` or `'none'` for no input). Keys are 0-9, `*` and `#`; anything else
   * makes `simulateCall` throw a `ScriptError`. Keys beyond what an action takes are typed ahead: the
   * next collect or menu hears them first (and waits for no entry of its own when they are enough). When
   * the entries run out, every further input is "no input".
   * @default []
   */
  readonly dtmf?: ReadonlyArray<string | null>;
  /** Caller number (`Call.Ani`), a non-empty string. @default '+15555550100' */
  readonly ani?: string;
  /** Dialled number (`Call.CalledAddress`), a non-empty string. @default the IVR's first DNIS, else '+15555550199' */
  readonly dnis?: string;
  /** Initial values of flow variables, by full name (`Flow.Tier`): strings, finite numbers, booleans. @default none */
  readonly variables?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Schedule state of an IVR with a schedule group, and of the schedule group an EvaluateScheduleGroup
   * action evaluates. @default 'open'
   */
  readonly schedule?: 'open' | 'closed' | 'holiday';
  /**
   * Participant data attributes of the call, by name, when it arrives. It is one map per call:
   * SetParticipantData writes it, GetParticipantData reads it (an attribute not in it reads as NOT_SET),
   * and it goes with the call into the flows it is transferred to. Values are strings. @default none
   */
  readonly participantData?: Readonly<Record<string, string>>;
  /** The emergency group an EvaluateScheduleGroup action evaluates is active. @default false */
  readonly emergency?: boolean;
  /**
   * State of each schedule an EvaluateSchedule action evaluates, by schedule name. A schedule the call
   * evaluates that is missing here stops the simulation (outcome `error`): it is never guessed. @default none
   */
  readonly schedules?: Readonly<Record<string, 'active' | 'inactive'>>;
  /**
   * Answers of data actions (CallData), by the data action's name: one answer, or a list tried in order
   * whose first entry whose `when` inputs all equal the inputs sent answers (an entry without `when`
   * answers any call). A call with no answer stops the simulation. @default none
   */
  readonly dataActions?: Readonly<Record<string, DataActionAnswer | readonly DataActionCase[]>>;
  /**
   * Data tables (DataTableLookup), by table name: rows by key, each row its fields by name; or `'failure'`
   * (every lookup in the table fails). A key without a row is "not found"; a table not given stops the
   * simulation. @default none
   */
  readonly dataTables?: Readonly<Record<string, Readonly<Record<string, DataRow>> | 'failure'>>;
  /** Transfers fail (to exercise failure paths). @default false */
  readonly failTransfers?: boolean;
  /** Actions after which the simulation stops as an endless flow: a whole number from 1 to 1 000 000. @default 1000 */
  readonly maxSteps?: number;
  /**
   * The call's estimated wait time, which PlayEstimatedWaitTime plays: whole seconds from 0 to 86 400 (a day).
   * @default - none (NOT_SET: nothing plays)
   */
  readonly estimatedWaitSeconds?: number;
  /** Names of the queues that exist (non-empty strings), which a FindQueue finds. @default [] (every FindQueue takes notFound) */
  readonly queues?: readonly string[];
  /**
   * In-queue flows: how many times the startup task runs (Architect starts it again at its end) before an
   * agent answers: a whole number, at least 1 (bounded by maxSteps). @default 1
   */
  readonly inQueuePasses?: number;
  /** In-queue flows: the queue the call waits in (a non-empty name; the outcome's queue when an agent answers). @default 'the waiting queue' */
  readonly waitingQueue?: string;
}

/** A value a data action returns or a data table row holds. */
export type DataValue = string | number | boolean;

/** Fields of a data action's success outputs or of a data table row, by name. */
export type DataRow = Readonly<Record<string, DataValue>>;

/**
 * What a data action does: succeeds with these outputs (a contract output not given reads as NOT_SET; one
 * the contract lacks, or of another type, is a ScriptError), fails, or times out.
 */
export type DataActionAnswer = { readonly success: DataRow } | 'failure' | 'timeout';

/** One answer of a data action for the calls whose inputs match `when` (every call without it). */
export interface DataActionCase {
  readonly when?: DataRow;
  readonly answer: DataActionAnswer;
}

export type CallOutcome =
  /** In a queue; `inQueueFlow` names the in-queue flow the caller hears there (a TransferToAcd override, or the flow simulated). */
  | { readonly kind: 'queue'; readonly queueName: string; readonly inQueueFlow?: string }
  | { readonly kind: 'flow'; readonly flowName: string }
  | { readonly kind: 'disconnect' }
  /** The flow took an error path, or the simulation stopped where it cannot follow Architect exactly. */
  | { readonly kind: 'error'; readonly message: string; readonly nodeId?: string; readonly path?: string };

export interface TranscriptEntry {
  readonly step: number;
  /** Action kind (`playAudio`, `collectDigits`, ...) or `flow` / `menu` / `sharedFlow` markers. */
  readonly kind: string;
  /** Action, task or menu id. */
  readonly nodeId: string;
  /** Construct path and position in the flow. */
  readonly path: string;
  /** Prompt text played. */
  readonly prompt?: string;
  /** Keys a collect or menu took, typed-ahead ones first (`null` = no input). */
  readonly input?: string | null;
  /** Keys left over after a collect or menu: the next collect or menu hears them first. */
  readonly typedAhead?: string;
  /** Participant data attribute a SetParticipantData wrote (its value in `value`). */
  readonly attribute?: string;
  /** Variable set and its value. */
  readonly variable?: string;
  readonly value?: string | number | boolean;
  /** Branch taken (`yes`, `success`, `outcome failure`, ...). */
  readonly branch?: string;
  /** Data action calls: the data action's name, the inputs sent (never NOT_SET: that stops the call), the result and the outputs set. */
  readonly dataAction?: {
    readonly name: string;
    readonly inputs: Record<string, DataValue>;
    readonly result: 'success' | 'failure' | 'timeout';
    readonly outputs?: Record<string, DataValue | null>;
  };
  /** Data table lookups: the table's name, the key, the result and the fields set. */
  readonly dataTable?: {
    readonly name: string;
    readonly key: string;
    readonly result: 'found' | 'notFound' | 'failure';
    readonly outputs?: Record<string, DataValue | null>;
  };
  /** Shared-flow calls: module name, inputs, outputs and outcome. */
  readonly sharedFlow?: {
    readonly name: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
    readonly outcome?: string;
  };
}

export interface CallResult {
  readonly transcript: readonly TranscriptEntry[];
  readonly outcome: CallOutcome;
  /** Prompts played, in order. */
  readonly prompts: readonly string[];
}
