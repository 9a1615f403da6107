import { DataType } from '../flow';
import { ScriptError } from './dtmf';
import { isDataValue, isRecord, shown } from './script-values';
import { CallScript, DataActionAnswer, DataRow, DataValue } from './simulation-types';

/** The scripted data of a call: answers of data actions and rows of data tables (pure data, e.g. a JSON file). */
export type DataAnswers = Pick<CallScript, 'dataActions' | 'dataTables'>;

function checkRow(value: unknown, where: string): void {
  if (!isRecord(value)) throw new ScriptError(`${where} must be an object of fields (name: string, number or boolean)`);
  for (const [name, field] of Object.entries(value)) {
    if (!isDataValue(field)) throw new ScriptError(`${where}.${name} must be a string, a number or a boolean, got ${shown(field)}`);
  }
}

function checkAnswer(value: unknown, where: string): void {
  if (value === 'failure' || value === 'timeout') return;
  if (!isRecord(value) || !Object.hasOwn(value, 'success') || Object.keys(value).length !== 1) {
    throw new ScriptError(`${where} must be 'failure', 'timeout' or {"success": {outputs}}`);
  }
  checkRow(value.success, `${where}.success`);
}

/**
 * Checks that `value` is a script's data answers, `{dataActions?, dataTables?}` (see `CallScript`), and
 * returns it typed; anything else is a {@link ScriptError} naming the part that is wrong.
 */
export function checkDataAnswers(value: unknown, where = 'answers'): DataAnswers {
  if (!isRecord(value)) throw new ScriptError(`${where} must be an object with dataActions and / or dataTables`);
  for (const key of Object.keys(value)) {
    if (key !== 'dataActions' && key !== 'dataTables') throw new ScriptError(`${where}.${key} is not known: write dataActions and / or dataTables`);
  }
  const { dataActions, dataTables } = value;
  if (dataActions !== undefined) {
    if (!isRecord(dataActions)) throw new ScriptError(`${where}.dataActions must be an object: answers by data action name`);
    for (const [name, answer] of Object.entries(dataActions)) {
      const at = `${where}.dataActions[${JSON.stringify(name)}]`;
      if (!Array.isArray(answer)) {
        checkAnswer(answer, at);
        continue;
      }
      answer.forEach((c: unknown, i) => {
        if (!isRecord(c) || !Object.keys(c).every((k) => k === 'when' || k === 'answer') || !Object.hasOwn(c, 'answer')) {
          throw new ScriptError(`${at}[${i}] must be {"when": {inputs}, "answer": ...} (when is optional)`);
        }
        if (c.when !== undefined) checkRow(c.when, `${at}[${i}].when`);
        checkAnswer(c.answer, `${at}[${i}].answer`);
      });
    }
  }
  if (dataTables !== undefined) {
    if (!isRecord(dataTables)) throw new ScriptError(`${where}.dataTables must be an object: rows by table name, then key`);
    for (const [name, table] of Object.entries(dataTables)) {
      const at = `${where}.dataTables[${JSON.stringify(name)}]`;
      if (table === 'failure') continue;
      if (!isRecord(table)) throw new ScriptError(`${at} must be 'failure' or an object of rows by key`);
      for (const [key, row] of Object.entries(table)) checkRow(row, `${at}[${JSON.stringify(key)}]`);
    }
  }
  return value as DataAnswers;
}

/**
 * The answer a data action gives to `inputs`: the only answer, or the first case whose `when` inputs all
 * equal the inputs sent; undefined when none answers.
 */
export function dataActionAnswer(
  answers: DataAnswers['dataActions'],
  name: string,
  inputs: Readonly<Record<string, DataValue>>,
): DataActionAnswer | undefined {
  const scripted = answers && Object.hasOwn(answers, name) ? answers[name] : undefined;
  if (scripted === undefined || !Array.isArray(scripted)) return scripted as DataActionAnswer | undefined;
  const cases = scripted as ReadonlyArray<{ when?: DataRow; answer: DataActionAnswer }>;
  return cases.find((c) => Object.entries(c.when ?? {}).every(([input, value]) => Object.hasOwn(inputs, input) && inputs[input] === value))?.answer;
}

/**
 * The `when` inputs of a data action's scripted cases must fit its input contract: an input it does not
 * declare, or a value of another type, would never match and leave the call to a later case (a
 * {@link ScriptError} naming the action, the case, the input and the contract).
 */
export function checkCasesAgainstContract(answers: DataAnswers['dataActions'], name: string, contract: Readonly<Record<string, DataType>>): void {
  const scripted = answers && Object.hasOwn(answers, name) ? answers[name] : undefined;
  if (!Array.isArray(scripted)) return;
  const declared =
    Object.entries(contract)
      .map(([input, type]) => `${input} (${type})`)
      .join(', ') || 'none';
  (scripted as ReadonlyArray<{ when?: DataRow }>).forEach((c, i) => {
    for (const [input, value] of Object.entries(c.when ?? {})) {
      const at = `script.dataActions[${JSON.stringify(name)}][${i}].when`;
      if (!Object.hasOwn(contract, input))
        throw new ScriptError(`${at} has input '${input}', which data action '${name}' does not declare; its inputs: ${declared}`);
      if (!hasType(value, contract[input]))
        throw new ScriptError(
          `${at}.${input} is ${JSON.stringify(value)}, not of type ${contract[input]} (data action '${name}' inputs: ${declared})`,
        );
    }
  });
}

/** Whether a scripted value has an Architect type (an integer for `integer`, any number for `decimal`). */
export function hasType(value: DataValue, type: DataType): boolean {
  if (type === 'string' || type === 'boolean') return typeof value === type;
  return typeof value === 'number' && (type === 'decimal' || Number.isInteger(value));
}

/** A scripted row (success outputs, table row) must fit its contract: no unknown field, each of its type. */
export function checkAgainstContract(row: DataRow, contract: Readonly<Record<string, DataType>>, what: string): void {
  for (const [name, value] of Object.entries(row)) {
    if (!Object.hasOwn(contract, name)) {
      throw new ScriptError(
        `${what} has field '${name}', which its contract does not declare; fields: ${Object.keys(contract).join(', ') || 'none'}`,
      );
    }
    if (!hasType(value, contract[name])) throw new ScriptError(`${what} field '${name}' is ${JSON.stringify(value)}, not of type ${contract[name]}`);
  }
}
