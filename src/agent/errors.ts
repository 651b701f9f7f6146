// A failed call as a tool error a model can act on: what to change (validation), when to try again (429, 5xx,
// timeouts), or that it cannot be fixed by other arguments (credentials, permissions). The kit's error messages are
// the API's own words with secrets scrubbed; anything else (a bug) becomes one line without a stack.
import {
  AbortError,
  AgentEngineError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  ConnectorNotFoundError,
  AmbiguousConnectorError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../core/errors.js';

const status = (error: AgentEngineError) => (error.status ? ` (${error.status})` : '');

/**
 * What the API said, without the request line the kit's messages start with (`POST https://... failed with 404 (Not
 * found): `): the model needs the reason, not the URL and the connector's id. Messages end in the sentence this module
 * adds, not in their own full stop.
 */
const words = (error: Error) =>
  error.message.replace(/^[A-Z]+ \S+ failed with \d+ \([^)]*\)(?:: )?/, '').replace(/[.\s]+$/, '') ||
  (error instanceof AgentEngineError && error.status ? `status ${error.status}` : 'no reason given');

export interface ToolErrorOptions {
  /** How the model names an action's param (a static tool's own names; `params.<name>` for execute_action). */
  argument?: (param: string) => string;
}

/** A field the API names (`params.title`, `params.page[size]`) as the model's arguments name it. */
function fieldName(field: string, argument: ToolErrorOptions['argument']): string {
  if (!argument || !field.startsWith('params.')) return field;
  const rest = field.slice('params.'.length);
  // The API's param names may hold brackets (`page[size]`): the longest one the tool knows wins.
  const end = rest.search(/\.|\[\d+\]/);
  const head = end < 0 ? rest : rest.slice(0, end);
  return `${argument(head)}${end < 0 ? '' : rest.slice(end)}`;
}

/**
 * The text of a tool error for `error`; `unexpected` hears about errors that are not the API's (for the host's log).
 */
export function toolErrorText(
  error: unknown,
  unexpected?: (error: unknown) => void,
  options: ToolErrorOptions = {},
): string {
  if (error instanceof ValidationError || error instanceof BadRequestError) {
    const fields = error instanceof ValidationError ? error.fieldErrors.filter((f) => f.message) : [];
    const detail = fields.length
      ? fields.map((f) => (f.field ? `${fieldName(f.field, options.argument)}: ${f.message}` : f.message)).join('; ')
      : words(error);
    return `The Agent Engine refused the request${status(error)}: ${detail}. Change the arguments accordingly and call again.`;
  }
  if (error instanceof RateLimitError)
    return `Rate limited by the Agent Engine (429): ${
      // At least a second: "retry in 0 seconds" reads as "now", and a model would loop.
      error.retryAfter !== undefined
        ? `retry in ${Math.max(1, Math.ceil(error.retryAfter))} second${Math.max(1, Math.ceil(error.retryAfter)) === 1 ? '' : 's'}`
        : 'retry in a few seconds'
    }, with the same arguments.`;
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return `Not allowed${status(error)}: ${words(error)}. Other arguments will not help: the tool's credentials or the workspace's permissions need to change.`;
  if (error instanceof ConnectorNotFoundError || error instanceof AmbiguousConnectorError)
    return `${words(error)}. List the connectors to see which ones this workspace has.`;
  if (error instanceof NotFoundError)
    return `Not found${status(error)}: ${words(error)}. Check the ids in the arguments (a list shows the existing ones).`;
  if (error instanceof PayloadTooLargeError)
    return `The request is too large${status(error)}: ${words(error)}. Send less in one call.`;
  if (error instanceof TimeoutError || error instanceof ConnectionError || error instanceof ServerError)
    return `The Agent Engine did not complete the call${status(error)}: ${words(error)}. Try again in a little while; if it keeps failing, tell the user.`;
  if (error instanceof AbortError) return 'The call was cancelled.';
  if (error instanceof AgentEngineError) return `The call failed${status(error)}: ${words(error)}.`;
  unexpected?.(error);
  return 'The tool failed with an internal error (it has been logged). Try again, or tell the user.';
}
