/**
 * Tests and showing of the values a call script gives (JSON-shaped data from a caller or a file). Internal
 * to the simulator: the package index does not re-export it.
 */
import { DataValue } from './simulation-types';

/** A plain object (not null, not an array): the shape of a script and of its maps by name. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value a script may give a field or variable: a string, a finite number or a boolean. */
export const isDataValue = (v: unknown): v is DataValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** A bad value as the message shows it: numbers as JavaScript writes them (NaN stays NaN), the rest as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'number' || value === undefined || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const json = typeof value === 'function' ? undefined : JSON.stringify(value);
  return json === undefined ? `a ${typeof value}` : json.length > 60 ? `${json.slice(0, 60)}…` : json;
}
