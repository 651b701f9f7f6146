// openapi-fetch's createClient, whichever way the module system hands it over.
import createClient from 'openapi-fetch';

// openapi-fetch ships ESM (default export) and CommonJS (`exports.default`). Our CommonJS build loads the latter with
// Node's interop, where the default import is the exports object itself; take `.default` from it then.
export const createOpenapiClient: typeof createClient =
  typeof createClient === 'function'
    ? createClient
    : (createClient as unknown as { default: typeof createClient }).default;
