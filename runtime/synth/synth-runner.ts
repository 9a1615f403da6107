import { ProblemError, problemArea } from '../../flow';

/** Exit codes of the synth commands, for scripts. */
export const SYNTH_EXIT = { ok: 0, invalidInput: 1, internalError: 2 } as const;

/**
 * True for errors caused by the user's configuration or flow definitions (as opposed to bugs): problems
 * of the flow language, the constructs or the configuration, not runtime failures.
 */
export function isInputError(err: unknown): err is Error {
  return err instanceof ProblemError && err.problems.every((p) => problemArea(p.code) !== 'runtime');
}

/**
 * Runs a synth and turns failures into readable messages and stable exit codes: 1 for invalid
 * configuration or flow definitions (every problem listed), 2 for anything else.
 */
export function runSynth(synth: () => void): void {
  try {
    synth();
  } catch (err) {
    if (isInputError(err)) {
      process.stderr.write(`synth failed: ${err.message}\n`);
      process.exit(SYNTH_EXIT.invalidInput);
    }
    process.stderr.write(`synth failed with an internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(SYNTH_EXIT.internalError);
  }
}
