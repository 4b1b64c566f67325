import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

/**
 * Puts the server's field errors on the form fields they name and returns the ones no field
 * took (as "field: message"), so the caller can list them with the general error. `fields`
 * lists the form's field names, or maps server field paths (grants.0.role) to them.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[] | Readonly<Record<string, string>>,
): string[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const map: Readonly<Record<string, string>> = Array.isArray(fields)
    ? Object.fromEntries(fields.map((f) => [f, f]))
    : (fields as Readonly<Record<string, string>>);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const { field, message } of error.problem.errors) {
    const name = map[field];
    if (name) byField.set(name, [...(byField.get(name) ?? []), message]);
    else rest.push(field && field !== 'body' ? `${field}: ${message}` : message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/**
 * For plain forms (no antd Form): the server's field errors keyed by the form's field names,
 * and the ones no field took (as "field: message") to list with the general error.
 */
export function fieldErrorsOf(
  error: unknown,
  fields: Readonly<Record<string, string>>,
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError) || !error.problem.errors) return { byField, rest };
  for (const { field, message } of error.problem.errors) {
    const name = fields[field];
    if (name) byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
    else rest.push(field && field !== 'body' ? `${field}: ${message}` : message);
  }
  return { byField, rest };
}
