/** What the caller does and what the flow would find, for one simulated call. */
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
  /** Caller number (`Call.Ani`). @default '+15555550100' */
  readonly ani?: string;
  /** Dialled number (`Call.CalledAddress`). @default the IVR's first DNIS, else '+15555550199' */
  readonly dnis?: string;
  /** Initial values of flow variables, by full name (`Flow.Tier`). @default none */
  readonly variables?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Schedule state of an IVR with a schedule group, and of the schedule group an EvaluateScheduleGroup
   * action evaluates. @default 'open'
   */
  readonly schedule?: 'open' | 'closed' | 'holiday';
  /**
   * Participant data attributes of the call, by name, that GetParticipantData reads (an attribute not
   * given reads as NOT_SET). @default none
   */
  readonly participantData?: Readonly<Record<string, string>>;
  /** The emergency group an EvaluateScheduleGroup action evaluates is active. @default false */
  readonly emergency?: boolean;
  /** Transfers fail (to exercise failure paths). @default false */
  readonly failTransfers?: boolean;
  /** Actions after which the simulation stops as an endless flow. @default 1000 */
  readonly maxSteps?: number;
  /** The call's estimated wait time in seconds, which PlayEstimatedWaitTime plays. @default - none (NOT_SET: nothing plays) */
  readonly estimatedWaitSeconds?: number;
  /** Names of the queues that exist, which a FindQueue finds. @default [] (every FindQueue takes notFound) */
  readonly queues?: readonly string[];
  /**
   * In-queue flows: how many times the startup task runs (Architect starts it again at its end) before an
   * agent answers. @default 1
   */
  readonly inQueuePasses?: number;
  /** In-queue flows: the queue the call waits in (the outcome's queue when an agent answers). @default 'the waiting queue' */
  readonly waitingQueue?: string;
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
  /** Variable set and its value. */
  readonly variable?: string;
  readonly value?: string | number | boolean;
  /** Branch taken (`yes`, `success`, `outcome failure`, ...). */
  readonly branch?: string;
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
