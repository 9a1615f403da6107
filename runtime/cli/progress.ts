/**
 * Progress of a CLI that can take more than a few seconds: one short line per step, `<tool>: <step>`, on
 * stderr; stdout is never used (it holds the reports and the JSON). By default only when stderr is a
 * terminal (someone is waiting and watching; piped, stderr keeps only warnings and errors); a command
 * that can run for minutes in a CI job (drift) says what it does in the job log too.
 */
export type Progress = (step: string) => void;

export function progressOn(tool: string, options: { evenWhenPiped?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY || options.evenWhenPiped ? (step) => void stream.write(`${tool}: ${step}\n`) : () => undefined;
}
