// What an operation of the mock is: a plain function from a context typed by the spec's generated types (path, query,
// body, the token's principal, the store, the clock) to a typed result `{ status, headers?, body }`. A body the spec
// does not allow for that status fails to compile; errors are thrown (MockHttpError) or returned with an error status.
import type { operations as AgentEngineOperations } from '../../generated/agent-engine.js';
import type { operations as AirbyteApiV1Operations } from '../../generated/airbyte-api-v1.js';
import type { Clock } from '../service/clock.js';
import type { IssuedToken, MockStore } from '../service/store.js';
import type { SpecName } from '../spec.js';
import type { MockService } from '../service.js';

/** The generated `operations` interface of each API. */
export interface ApiOperations {
  'agent-engine': AgentEngineOperations;
  'airbyte-api-v1': AirbyteApiV1Operations;
}

export type OperationId<Api extends SpecName> = keyof ApiOperations[Api] & string;

type Spec<Api extends SpecName, Id extends OperationId<Api>> = ApiOperations[Api][Id];

/** `never` (the spec's "no such parameters") as an empty object, so that destructuring still type-checks. */
type Present<T> = [T] extends [never]
  ? Record<string, never>
  : [T] extends [undefined]
    ? Record<string, never>
    : NonNullable<T>;

type ParametersOf<O, In extends 'path' | 'query'> = O extends { parameters: infer P }
  ? P extends { [K in In]?: infer X }
    ? Present<X>
    : Record<string, never>
  : Record<string, never>;

type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;

/** The headers of an answer, lower-case names. */
export type AnswerHeaders = Record<string, string>;

/** One documented status's answers: a JSON body of its schema, bytes for another media type, or nothing. */
type AnswersOf<Status, Response> = Response extends { content: infer Content }
  ? [Content] extends [never] | [undefined]
    ? { status: Status; headers?: AnswerHeaders; body?: undefined }
    : {
        [Media in keyof Content]: Media extends `${string}json`
          ? { status: Status; headers?: AnswerHeaders; body: Content[Media] }
          : { status: Status; headers: AnswerHeaders & { 'content-type': string }; body: Uint8Array };
      }[keyof Content]
  : { status: Status; headers?: AnswerHeaders; body?: undefined };

/** Every result the spec allows an operation: one per documented status and media type. */
export type OperationResult<Api extends SpecName, Id extends OperationId<Api>> =
  Spec<Api, Id> extends { responses: infer R } ? { [Status in keyof R]: AnswersOf<Status, R[Status]> }[keyof R] : never;

/** What an operation is called with: the request as the spec reads it, who made it, and the service's state. */
export interface OperationContext<Api extends SpecName, Id extends OperationId<Api>> {
  api: Api;
  operationId: Id;
  /** Path parameters, decoded and typed by the spec. */
  path: ParametersOf<Spec<Api, Id>, 'path'>;
  /** Query parameters read into the spec's types (numbers, booleans, arrays). */
  query: ParametersOf<Spec<Api, Id>, 'query'>;
  /** The JSON body, checked against the spec's schema. */
  body: BodyOf<Spec<Api, Id>>;
  /** The token the request was made with; undefined for the operations that take none. */
  principal: IssuedToken | undefined;
  /** The request's headers, lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Where the mock is reached (its configured base URL): links it answers start here, never at the request's Host. */
  origin: string;
  /** The request's URL: the origin above, then the path and query as received (for links to the next page). */
  readonly url: URL;
  service: MockService;
  store: MockStore;
  clock: Clock;
  /** Set by an operation that changed nothing though its method writes (an execute that read): nothing to persist. */
  unchanged?: boolean;
}

export type Operation<Api extends SpecName, Id extends OperationId<Api>> = (
  context: OperationContext<Api, Id>,
) => OperationResult<Api, Id> | Promise<OperationResult<Api, Id>>;

/** Some operations of one API, each typed by its operationId. */
export type Operations<Api extends SpecName> = { [Id in OperationId<Api>]?: Operation<Api, Id> };

/** The operations of one API area, type-checked against the API's spec (an identity at run time). */
export function defineOperations(
  api: 'agent-engine',
  operations: Operations<'agent-engine'>,
): Operations<'agent-engine'>;
export function defineOperations(
  api: 'airbyte-api-v1',
  operations: Operations<'airbyte-api-v1'>,
): Operations<'airbyte-api-v1'>;
// One signature per API rather than a generic one: a generic API parameter would widen each answer's status literal.
export function defineOperations(_api: SpecName, operations: Operations<any>): Operations<any> {
  return operations;
}

/** An operation whatever its id: how the pipeline holds them. */
export type AnyOperation = (context: OperationContext<any, any>) => AnyResult | Promise<AnyResult>;

export interface AnyResult {
  status: number | string;
  headers?: AnswerHeaders;
  body?: unknown;
}
