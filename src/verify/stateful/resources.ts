// The life every resource with an id leads in the stateful groups (connectors, source and connection templates):
// created, listed, read back, deleted, and then answered 404. The commands and checks of that life are written once
// here; a group adds what is its own (a connector's check and execute, a template's patch).
import fc from 'fast-check';
import type { Answer, Command, Sequence, StatefulContext } from './run.js';

/** The `index`th item, counted round the list (commands draw a number, the model decides what it points at). */
export const pick = <T>(items: T[], index: number): T => items[index % items.length]!;

export interface Resource {
  id: string;
  /** What the last write set and the next read must show: a name, or a connection template's cron expression. */
  value: string;
}

/** What a sequence made of one kind of resource, as far as the API's answers so far should tell. */
export interface Resources {
  live: Resource[];
  deleted: string[];
}

export const noResources = (): Resources => ({ live: [], deleted: [] });

/** One kind of resource, as its commands send and name it. */
export interface ResourceKind {
  /** As messages name it: `connector`, `source template`. */
  what: string;
  /** The collection's path; one resource is `${path}/${id}`. */
  path: string;
  operations: { get: string; delete: string };
  /** The field a write sets and a read must show (`Resource.value`), and how a message says what a read showed. */
  field: string;
  reads: (shown: string) => string;
}

/** A read of a resource the sequence made: there at once (ensure_resource_availability), and a 200. */
export function expectAvailable(
  context: StatefulContext,
  sequence: Sequence,
  answer: Answer,
  what: string,
  id: string | undefined,
): void {
  context.expectThat(
    sequence,
    'ensure_resource_availability',
    answer,
    answer.status === 404 ? `${what} ${id}, created in this sequence, answers 404` : undefined,
  );
  context.expectStatus(sequence, answer, 200, `reading a ${what}`);
}

/** A list holds every live resource (ensure_resource_availability) and none deleted (use_after_free). */
export function expectListed(
  context: StatefulContext,
  sequence: Sequence,
  answer: Answer,
  what: string,
  resources: Resources,
  listed: { has(id: string): boolean },
): void {
  const missing = resources.live.find((r) => !listed.has(r.id));
  context.expectThat(
    sequence,
    'ensure_resource_availability',
    answer,
    missing && `${what} ${missing.id}, created in this sequence, is not in the list`,
  );
  const stillThere = resources.deleted.find((id) => listed.has(id));
  context.expectThat(
    sequence,
    'use_after_free',
    answer,
    stillThere && `${what} ${stillThere} is listed after its DELETE`,
  );
}

/** `get <what> #i`: a live resource reads back, showing the last write. */
export function getCommand<Model extends object>(
  context: StatefulContext,
  kind: ResourceKind,
  of: (model: Model) => Resources,
): fc.Arbitrary<Command<Model>> {
  return fc.nat().map((i) =>
    context.command<Model>(
      `get ${kind.what} #${i}`,
      (m) => of(m).live.length > 0,
      async (m, r) => {
        const resource = pick(of(m).live, i);
        const answer = await context.step(r, kind.operations.get, `${kind.path}/${resource.id}`);
        expectAvailable(context, r, answer, kind.what, resource.id);
        context.expectThat(
          r,
          'model_conformance',
          answer,
          answer.body?.[kind.field] === resource.value
            ? undefined
            : `${kind.what} ${resource.id} ${kind.reads(JSON.stringify(answer.body?.[kind.field]))}, not ${resource.value} (the last write)`,
        );
      },
    ),
  );
}

/**
 * `delete <what> #i`: a live resource's DELETE answers `status`; `settle` then waits for what the answer promised
 * (a connector's asynchronous deletion) before the model counts it deleted.
 */
export function deleteCommand<Model extends object>(
  context: StatefulContext,
  kind: ResourceKind,
  of: (model: Model) => Resources,
  status: number,
  settle?: (sequence: Sequence, resource: Resource, answer: Answer) => Promise<void>,
): fc.Arbitrary<Command<Model>> {
  return fc.nat().map((i) =>
    context.command<Model>(
      `delete ${kind.what} #${i}`,
      (m) => of(m).live.length > 0,
      async (m, r) => {
        const resources = of(m);
        const resource = pick(resources.live, i);
        const answer = await context.step(r, kind.operations.delete, `${kind.path}/${resource.id}`);
        context.expectStatus(r, answer, status, `deleting a ${kind.what}`);
        await settle?.(r, resource, answer);
        resources.live.splice(resources.live.indexOf(resource), 1);
        resources.deleted.push(resource.id);
      },
    ),
  );
}

/** `<how> deleted <what> #i`: each way of touching a deleted resource (get, update, ...) answers 404 (use_after_free). */
export function afterDeleteCommand<Model extends object>(
  context: StatefulContext,
  kind: ResourceKind,
  of: (model: Model) => Resources,
  ways: Record<string, (sequence: Sequence, id: string) => Promise<Answer>>,
): fc.Arbitrary<Command<Model>> {
  return fc.tuple(fc.nat(), fc.constantFrom(...Object.keys(ways))).map(([i, how]) =>
    context.command<Model>(
      `${how} deleted ${kind.what} #${i}`,
      (m) => of(m).deleted.length > 0,
      async (m, r) => {
        const id = pick(of(m).deleted, i);
        const answer = await ways[how]!(r, id);
        context.expectThat(
          r,
          'use_after_free',
          answer,
          answer.status === 404
            ? undefined
            : `${kind.what} ${id} answered ${answer.status} to ${how} after its DELETE (expected 404)`,
        );
      },
    ),
  );
}
