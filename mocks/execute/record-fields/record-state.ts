// What one record's values share while it is generated: its stream, its key, its moments in time, and per object the
// person, company and address its fields describe, so `name`, `email` and `login` agree and updated_at ≥ created_at.
import {
  type Address,
  type Company,
  type Draw,
  type Person,
  type RecordKind,
  REFERENCE_TIME,
  company,
  days,
  headline,
  person,
} from './fake-values.js';
import { ADDRESSES } from './vocabulary.js';
import type { FieldName, NameContext, TimeRole } from './field-kinds.js';

export interface RecordState {
  readonly draw: Draw;
  readonly index: number;
  readonly createdMs: number;
  /** The record's key once drawn (fields such as `url` or HubSpot's `hs_object_id` repeat it). */
  key: unknown;
  closedMs?: number;
  updatedMs?: number;
  futureMs?: number;
  startMs?: number;
}

/** The instant a time field of this role shows; closings come before the last update, which comes after creation. */
export function timeOf(record: RecordState, role: TimeRole): number {
  const { draw } = record;
  switch (role) {
    case 'created':
      return record.createdMs;
    case 'closed':
    case 'updated':
      if (record.closedMs === undefined) {
        record.closedMs = record.createdMs + draw.int(3_600_000, days(20));
        record.updatedMs = Math.min(REFERENCE_TIME, record.closedMs + draw.int(0, days(3)));
      }
      return role === 'closed' ? record.closedMs : record.updatedMs!;
    case 'future':
      return (record.futureMs ??= REFERENCE_TIME + draw.int(days(1), days(90)));
    case 'start':
      return (record.startMs ??= record.createdMs + draw.int(0, days(7)));
    case 'end':
      return timeOf(record, 'start') + draw.int(900_000, days(31));
    case 'birth':
      return Date.UTC(draw.int(1960, 2002), draw.int(0, 11), draw.int(1, 28));
    case 'other':
      return record.createdMs + draw.int(0, days(40));
  }
}

/** One object of a record: the person, company, address and headline its fields share, made when first asked for. */
export class Scope {
  private personValue: Person | undefined;
  private companyValue: Company | undefined;
  private addressValue: Address | undefined;
  private headlineValue: string | undefined;
  constructor(
    readonly record: RecordState,
    readonly kind: RecordKind,
    /** The entity or field as words ('sla policy'), for kinds without a vocabulary of their own. */
    readonly noun: string,
  ) {}
  company(): Company {
    return (this.companyValue ??= company(this.record.draw));
  }
  person(): Person {
    return (this.personValue ??= person(this.record.draw, this.company()));
  }
  address(): Address {
    return (this.addressValue ??= this.record.draw.pick(ADDRESSES));
  }
  headline(): string {
    return (this.headlineValue ??= headline(
      this.record.draw,
      this.kind,
      this.noun,
      () => this.company(),
      () => this.person(),
    ));
  }
}

/** Makes one value of a record; `scope` is the object the value sits in. */
export type Make<T = unknown> = (record: RecordState, scope: Scope) => T;
/** A maker and how often its field is null when the schema allows null. */
export interface FieldMaker {
  make: Make;
  nullChance: number;
}

/** The connector and entity a schema is compiled for. */
export interface EntityContext {
  connector: string;
  entity: string;
  /** The service's base URL, without a trailing slash. */
  host: string;
  kind: RecordKind;
  /** The entity's singular as words ('balance transaction'). */
  noun: string;
  /** The entity's singular, compact ('balancetransaction'): what its own ids name. */
  target: string;
}

/** Where a value sits: its field's name, the names around it, and what its object's own ids name. */
export interface FieldPlace {
  field: FieldName;
  names: NameContext;
  topLevel: boolean;
  /** What an `id` in this object names, compact ('customer', 'discount') and as the service spells it ('customer'). */
  owner: { target: string; spelled: string };
}
