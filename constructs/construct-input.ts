import { IConstruct } from 'constructs';
import { containsTokenMarker } from '../formats/cdktf-token-marker';
import { DATA_TYPES, DataType, Problem, ProblemError } from '../flow';
import { isSafeName } from './safe-name';

/**
 * Checks of what a construct is given, run before the construct adds its node (so a refused construct
 * leaves nothing in the tree, and a retry with the same id works), and written for JavaScript callers too:
 * every wrong shape is a coded problem, never a TypeError.
 */

/** The path the construct `id` under `scope` will have (constructs writes `/` in an id as `--`). */
export function childPath(scope: IConstruct, id: unknown): string {
  const own = String(id).replace(/\//g, '--');
  return scope.node.path === '' ? own : `${scope.node.path}/${own}`;
}

/** Throws `problems` as one ProblemError, if there are any. */
export function refuseProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new ProblemError(problems);
}

/** A plain object (not null, not an array): the shape of props and of name → value maps. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field name that is a key of `Object.prototype` (`__proto__`, `constructor`, `toString`, …): a flow
 * reads fields by name from plain objects, where such a name finds the prototype's member.
 */
export function isPrototypeKey(name: string): boolean {
  return name === '__proto__' || name in Object.prototype;
}

/**
 * Problems of literal text a construct writes into Terraform or flows: not text (when given), or
 * holding cdktf's token marker, which synth would take for a reference.
 */
export function literalTextProblems(code: Problem['code'], path: string, text: unknown, required: boolean): Problem[] {
  if (text === undefined && !required) return [];
  if (typeof text !== 'string') {
    return [{ code, path, message: text === undefined ? 'is missing' : 'must be text', value: text, fix: 'give text (a string)' }];
  }
  if (containsTokenMarker(text)) {
    return [
      {
        code,
        path,
        message: "contains cdktf's token marker ({TfToken[), which synth would take for a reference",
        value: text,
        fix: 'remove the marker: write literal text here, and pass references only where the construct takes them',
      },
    ];
  }
  return [];
}

/** How a name check describes the name: what it is, how to mend it, and an optional limit and reason. */
export interface SafeNameWords {
  /** What the name is (`'queue name'`), the start of the message. */
  readonly what: string;
  readonly fix: string;
  /** The longest name accepted. */
  readonly maxLength?: number;
  /** Why the name must be safe, shown after the rule. */
  readonly why?: string;
}

/**
 * Problems of a name a construct writes into Terraform and flows: literal text (as `literalTextProblems`,
 * required), then safe to substitute into flow YAML (`isSafeName`) and within `maxLength`.
 */
export function safeNameProblems(code: Problem['code'], path: string, name: unknown, words: SafeNameWords): Problem[] {
  const text = literalTextProblems(code, path, name, true);
  if (text.length > 0) return text;
  const { what, fix, maxLength, why } = words;
  if (isSafeName(name as string) && (maxLength === undefined || (name as string).length <= maxLength)) return [];
  const size = maxLength === undefined ? 'non-empty' : `1-${maxLength} characters`;
  const rule = `${what} must be ${size}, without leading/trailing spaces, quotes, backslashes, control characters or {{ }}`;
  return [{ code, path, message: why === undefined ? rule : `${rule} (${why})`, value: name, fix }];
}

/** How a field check describes the fields: the whole (`'a contract'`), one field (`'contract field'`) and an example. */
export interface FieldWords {
  readonly fields: string;
  readonly field: string;
  readonly example: string;
}

/**
 * Problems of a field name → data type map (a data action contract, a data table's fields): an object,
 * each name safe and no token marker nor `Object.prototype` key, each type a known data type.
 * `ownRule` is checked first for each field (a data table's reserved key).
 */
export function fieldTypeProblems(
  code: Problem['code'],
  path: string,
  fields: unknown,
  words: FieldWords,
  ownRule: (name: string, at: string) => Problem[] = () => [],
): Problem[] {
  if (!isRecord(fields)) {
    return [{ code, path, message: `${words.fields} must be an object of field name → data type`, value: fields, fix: `give e.g. ${words.example}` }];
  }
  return Object.entries(fields).flatMap(([name, type]): Problem[] => {
    const at = `${path}.${name}`;
    const own = ownRule(name, at);
    if (own.length > 0) return own;
    if (!isSafeName(name) || containsTokenMarker(name)) {
      return [{ code, path: at, message: `${words.field} name is not a safe name`, value: name, fix: 'rename the field' }];
    }
    if (isPrototypeKey(name)) {
      return [
        { code, path: at, message: `${words.field} name is a built-in member of every JavaScript object`, value: name, fix: 'rename the field' },
      ];
    }
    if (!DATA_TYPES.includes(type as DataType)) {
      return [{ code, path: at, message: 'unknown data type', value: type, fix: `use one of ${DATA_TYPES.join(', ')}` }];
    }
    return [];
  });
}
