/**
 * The command line of every CLI of the project, described once per CLI ({@link CommandSpec}) and parsed
 * strictly with node's `util.parseArgs`:
 * - `--help` / `-h` prints the usage line, every argument and option with its meaning and the exit codes
 *   to stdout and exits 0 before the CLI does anything else (it wins over a bad argument beside it);
 * - an unknown option, an option without its value or a stray argument exits with the CLI's own usage
 *   exit code and two lines on stderr: what is wrong (naming the argument) and the usage line.
 * It lives in runtime/ because the flow check handler, bundled on its own, uses it too.
 */
import { parseArgs } from 'util';
import { terminalText } from '../genesys/terminal-text';

export interface CommandOption {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** A one-letter alias. */
  readonly short?: string;
  /** The value as the help shows it, e.g. `<env>` (string options). */
  readonly value?: string;
  /** What the option does, in one line. */
  readonly description: string;
}

export type CommandOptions = Readonly<Record<string, CommandOption>>;

/** Help rows: a term (an argument, an exit code, a variable) and its meaning in one line. */
export type HelpRows = readonly (readonly [term: string, meaning: string])[];

export interface CommandSpec<T extends CommandOptions = CommandOptions> {
  /** The prefix of its error messages, e.g. `drift`. */
  readonly name: string;
  /** How to run it, one line, without `usage: `. */
  readonly usage: string;
  /** What it does, a line or two. */
  readonly summary: string;
  /** Positional arguments in order; as many are accepted at most (none when absent). */
  readonly positionals?: HelpRows;
  readonly options: T;
  readonly exitCodes: readonly (readonly [code: number, meaning: string])[];
  /** The exit code of a bad command line; one of {@link exitCodes}. */
  readonly usageExitCode: number;
  /** Further help sections, e.g. environment variables. */
  readonly sections?: readonly { readonly title: string; readonly rows: HelpRows }[];
}

type Many<O, V> = O extends { readonly multiple: true } ? V[] : V;
type OptionValue<O extends CommandOption> = O['type'] extends 'boolean' ? Many<O, boolean> : Many<O, string>;
export type CommandValues<T extends CommandOptions> = { -readonly [K in keyof T]?: OptionValue<T[K]> };

export interface CommandLine<T extends CommandOptions> {
  readonly values: CommandValues<T>;
  readonly positionals: string[];
}

/** A command line the CLI does not accept; the message names the argument. */
export class CommandLineError extends Error {}

/** Declares a CLI's command line (keeps its options' literal types, which type the parsed values). */
export function commandSpec<const T extends CommandOptions>(spec: CommandSpec<T>): CommandSpec<T> {
  return spec;
}

const HELP_OPTION: CommandOption = { type: 'boolean', short: 'h', description: 'print this help and exit' };

/** The options as parseArgs takes them (no undefined keys: parseArgs validates every key present). */
function parserOptions(options: CommandOptions) {
  return Object.fromEntries(
    Object.entries({ ...options, help: HELP_OPTION }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
}

/** True when `--help`/`-h` is given as an option (not as the value of another one), whatever else is wrong. */
export function helpRequested(spec: CommandSpec, args: readonly string[]): boolean {
  return parseArgs({ args: [...args], options: parserOptions(spec.options), strict: false, allowPositionals: true }).values.help === true;
}

/** Reads `args` against the spec; throws {@link CommandLineError} for anything it does not accept. */
export function readCommandLine<T extends CommandOptions>(spec: CommandSpec<T>, args: readonly string[]): CommandLine<T> {
  const options = parserOptions(spec.options);
  // Named here as typed: node's own message for it suggests `--`, which no CLI here wants.
  const unknown = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true }).tokens.find(
    (t) => t.kind === 'option' && !Object.hasOwn(options, t.name),
  );
  if (unknown?.kind === 'option') throw new CommandLineError(`unknown option '${unknown.rawName}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    // Some of node's messages span lines (an ambiguous value): one line here.
    throw new CommandLineError((err as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  const max = spec.positionals?.length ?? 0;
  const extra = parsed.positionals[max];
  if (extra !== undefined) {
    throw new CommandLineError(
      max === 0
        ? `unexpected argument '${extra}': this command takes no arguments`
        : `unexpected argument '${extra}': this command takes at most ${max}`,
    );
  }
  const values: Record<string, unknown> = { ...parsed.values };
  delete values.help;
  return { values: values as CommandValues<T>, positionals: parsed.positionals };
}

/** Ends the process: the help on stdout, exit 0. */
export function exitWithHelp(spec: CommandSpec): never {
  process.stdout.write(helpText(spec));
  process.exit(0);
}

/**
 * The CLI's command line, or the process ends: with the help on stdout (exit 0), or with what is wrong
 * and the usage line on stderr (the spec's usage exit code).
 */
export function parseCommandLine<T extends CommandOptions>(spec: CommandSpec<T>, args: readonly string[] = process.argv.slice(2)): CommandLine<T> {
  if (helpRequested(spec, args)) exitWithHelp(spec);
  try {
    return readCommandLine(spec, args);
  } catch (err) {
    if (err instanceof CommandLineError) usageError(spec, err.message);
    throw err;
  }
}

/** `usage: …`, one line. */
export function usageLine(spec: CommandSpec): string {
  return `usage: ${spec.usage}`;
}

/** Ends the process with the CLI's usage exit code: `<name>: <message>` and the usage line on stderr. */
export function usageError(spec: CommandSpec, message: string): never {
  // The message may quote what was typed: shown inert (no control character acts on the terminal).
  process.stderr.write(`${spec.name}: ${terminalText(message)}\n${usageLine(spec)}\n`);
  process.exit(spec.usageExitCode);
}

function optionTerm(name: string, o: CommandOption): string {
  const value = o.type === 'string' ? ` ${o.value ?? '<value>'}` : '';
  return `${o.short ? `-${o.short}, ` : ''}--${name}${value}${o.multiple ? ' ...' : ''}`;
}

/** The full help: usage, what it does, arguments, options, exit codes and further sections. */
export function helpText(spec: CommandSpec): string {
  const sections: { title: string; rows: HelpRows }[] = [];
  if (spec.positionals?.length) sections.push({ title: 'arguments', rows: spec.positionals });
  sections.push({
    title: 'options',
    rows: Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, o]) => [optionTerm(name, o), o.description]),
  });
  sections.push({ title: 'exit codes', rows: spec.exitCodes.map(([code, meaning]) => [String(code), meaning]) });
  sections.push(...(spec.sections ?? []));
  const body = sections.map((s) => {
    const width = Math.max(...s.rows.map(([term]) => term.length));
    return [`${s.title}:`, ...s.rows.map(([term, meaning]) => `  ${term.padEnd(width)}  ${meaning}`)].join('\n');
  });
  return `${usageLine(spec)}\n\n${spec.summary}\n\n${body.join('\n\n')}\n`;
}
