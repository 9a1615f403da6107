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
   * Participant data attributes of the call, by name, when it arrives. It is one map per call:
   * SetParticipantData writes it, GetParticipantData reads it (an attribute not in it reads as NOT_SET),
   * and it goes with the call into the flows it is transferred to. @default none
   */
  readonly participantData?: Readonly<Record<string, string>>;
  /** The emergency group an EvaluateScheduleGroup action evaluates is active. @default false */
  readonly emergency?: boolean;
  /**
   * State of each schedule an EvaluateSchedule action evaluates, by schedule name. A schedule the call
   * evaluates that is missing here stops the simulation (outcome `error`): it is never guessed. @default none
   */
  readonly schedules?: Readonly<Record<string, 'active' | 'inactive'>>;
  /** Transfers fail (to exercise failure paths). @default false */
  readonly failTransfers?: boolean;
  /** Actions after which the simulation stops as an endless flow. @default 1000 */
  readonly maxSteps?: number;
}

export type CallOutcome =
  | { readonly kind: 'queue'; readonly queueName: string }
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
