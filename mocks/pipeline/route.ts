// Stage 1, route: one table compiled once from both specs' operations. A request's path is split once and compared
// segment by segment with the routes of its method (static segments before parameters, so `/workspaces/stats` is not
// read as a workspace id); path parameters come out decoded.
import { SPEC_NAMES, type SpecName } from '../spec.js';
import { MockHttpError } from './errors.js';
import { buildOperations, type MockOperation } from './spec-operations.js';

/** Where each API's paths start: the Agent Engine's spec paths carry `/api/v1`, the v1 API's sit under `/v1`. */
export const API_PREFIX: Record<SpecName, string> = { 'agent-engine': '', 'airbyte-api-v1': '/v1' };

interface Route {
  operation: MockOperation;
  /** A static segment, or null where a parameter goes. */
  segments: (string | null)[];
  /** The parameter's name for each null segment, in order. */
  names: string[];
}

export interface RouteMatch {
  operation: MockOperation;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

/** The segments of a path after its leading slash, a single trailing slash ignored. */
function segmentsOf(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

/** Static segments outrank parameters, position by position. */
function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const aStatic = a.segments[i] !== null;
    const bStatic = b.segments[i] !== null;
    if (aStatic !== bStatic) return aStatic ? -1 : 1;
  }
  return 0;
}

/** Why a path cannot be routed (a malformed percent-escape), or undefined when it can. */
export function unroutablePath(path: string): string | undefined {
  if (!path.includes('%')) return undefined;
  try {
    decodeURIComponent(path);
    return undefined;
  } catch {
    return 'The request path holds a malformed percent-escape.';
  }
}

/** The routing table of both APIs. */
export class RouteTable {
  /** Every operation of both specs. */
  readonly operations: MockOperation[];
  /** Routes by method, then by segment count. */
  private readonly routes = new Map<string, Map<number, Route[]>>();

  constructor(apis: readonly SpecName[] = SPEC_NAMES) {
    this.operations = apis.flatMap((api) => buildOperations(api));
    for (const operation of this.operations) {
      const segments: (string | null)[] = [];
      const names: string[] = [];
      for (const part of segmentsOf(API_PREFIX[operation.api] + operation.path)) {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (param) names.push(param[1]!);
        segments.push(param ? null : part);
      }
      const method = operation.method.toUpperCase();
      let byLength = this.routes.get(method);
      if (!byLength) this.routes.set(method, (byLength = new Map()));
      const list = byLength.get(segments.length) ?? [];
      list.push({ operation, segments, names });
      list.sort(bySpecificity);
      byLength.set(segments.length, list);
    }
  }

  /** The operation a method and path name, with its parameters; undefined when none does. */
  match(method: string, path: string): RouteMatch | undefined {
    const parts = segmentsOf(path);
    const candidates = this.routes.get(method)?.get(parts.length);
    if (!candidates) return undefined;
    for (const route of candidates) {
      let matches = true;
      for (let i = 0; i < parts.length; i++) {
        const expected = route.segments[i];
        if (expected === null ? parts[i] === '' : expected !== parts[i]) {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
      const params: Record<string, string> = Object.create(null);
      let n = 0;
      for (let i = 0; i < parts.length; i++) {
        if (route.segments[i] !== null) continue;
        try {
          params[route.names[n++]!] = decodeURIComponent(parts[i]!);
        } catch {
          throw new MockHttpError(400, 'The request path holds a malformed percent-escape.');
        }
      }
      return { operation: route.operation, params };
    }
    return undefined;
  }
}
