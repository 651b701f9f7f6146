// The audit record of an execute call: which connector ran which action, and why (`intent`). Params are left out,
// and any secret the mock knows (the connector's credential values, the tokens it issued) is scrubbed from the
// intent before it is kept, so that the audit never holds what a caller pasted by mistake.
import type { Connector, ExecutionAudit, MockStore } from '../service/store.js';

const REDACTED = '[redacted]';
/** Secrets shorter than this are not scrubbed: they would match ordinary words. */
const MIN_SECRET_LENGTH = 6;

function secretStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) out.push(value);
  else if (Array.isArray(value)) for (const item of value) secretStrings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) secretStrings(item, out);
  return out;
}

/** `intent` without the connector's credential values and the tokens the store issued. */
export function scrubIntent(intent: string, store: MockStore, connector: Connector): string {
  // Longest first, so that a secret containing another is replaced whole.
  const secrets = [...secretStrings(connector.credentials), ...store.tokens.keys()].sort((a, b) => b.length - a.length);
  let scrubbed = intent;
  for (const secret of secrets) if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  return scrubbed;
}

export interface ExecuteCall {
  entity: unknown;
  action: unknown;
  intent?: string | null;
  skip_truncation?: boolean;
}

/** Appends the call to the store's audit list. */
export function recordExecution(
  store: MockStore,
  connector: Connector,
  call: ExecuteCall,
  status: number,
): ExecutionAudit {
  const audit: ExecutionAudit = {
    connectorId: connector.id,
    workspaceId: connector.workspaceId,
    entity: String(call.entity),
    action: String(call.action),
    intent: typeof call.intent === 'string' ? scrubIntent(call.intent, store, connector) : null,
    skipTruncation: call.skip_truncation ?? true,
    status,
    at: store.timestamp(),
  };
  store.executions.push(audit);
  return audit;
}
