// Opaque page cursors of the mock's own lists (workspaces, skills): an offset, base64-encoded. A cursor the mock
// never issued is a 400 naming the parameter.
import { MockHttpError } from '../pipeline/errors.js';

export const encodeCursor = (offset: number) => btoa(JSON.stringify({ offset })).replace(/=+$/, '');

export function decodeCursor(cursor: string, hint: string): number {
  try {
    const { offset } = JSON.parse(atob(cursor)) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // reported below
  }
  throw new MockHttpError(400, `Invalid cursor: ${hint}`, [
    { field: 'query.cursor', message: 'Invalid cursor', error_code: 'value_error' },
  ]);
}
