/**
 * Progress of a CLI that can take more than a few seconds: one short line per step, `<tool>: <step>`, on
 * stderr, only when stderr is a terminal (someone is waiting and watching). Piped or redirected (scripts,
 * CI steps, tests), stderr keeps only warnings and errors, as before; stdout is never used (it holds the
 * reports and the JSON).
 */
export type Progress = (step: string) => void;

export function progressOn(tool: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? (step) => void stream.write(`${tool}: ${step}\n`) : () => undefined;
}
