// Integer, number and boolean values by what the field's name says: ids in the service's width, unix times, money
// in cents (integers) or with two decimals (numbers), counts skewed toward small, rates in [0, 1], mostly-false flags.
import { unixSeconds } from './fake-values.js';
import {
  type FieldName,
  type NumberKind,
  flagChanceOf,
  isTimeName,
  nullChanceOfTime,
  numberKindOf,
  timeRoleOf,
} from './field-kinds.js';
import { type EntityContext, type FieldMaker, type FieldPlace, type Make, timeOf } from './record-state.js';
import { integerIdDigits } from './service-ids.js';

const INT32_MAX = 2_147_483_647;
const DIMENSIONS = [64, 128, 256, 512, 640, 800, 1024, 1080, 1200, 1920] as const;
const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export interface NumberBounds {
  minimum?: number;
  maximum?: number;
  format?: string;
}

/** An integer field's maker, kept inside the schema's bounds and int32 when the format says so. */
/** A `size` is bytes only on files and media; elsewhere (a group, a company, a page) it counts members. */
const HOLDS_BYTES = /file|attach|media|image|video|blob|content|document|asset|recording|upload|download|photo/;
const sizeKindOf = (kind: NumberKind, place: FieldPlace, entity: EntityContext): NumberKind =>
  kind === 'bytes' &&
  place.field.compact === 'size' &&
  !HOLDS_BYTES.test(`${place.names.parent.toLowerCase()} ${entity.entity}`)
    ? 'count'
    : kind;

export function integerFieldOf(bounds: NumberBounds, place: FieldPlace, entity: EntityContext): FieldMaker {
  const kind = sizeKindOf(numberKindOf(place.field), place, entity);
  const int32 = bounds.format === 'int32';
  const make = integerMaker(kind, place, entity, int32);
  const low = bounds.minimum ?? (int32 ? -INT32_MAX - 1 : Number.MIN_SAFE_INTEGER);
  const high = bounds.maximum ?? (int32 ? INT32_MAX : Number.MAX_SAFE_INTEGER);
  const bounded: Make =
    low > Number.MIN_SAFE_INTEGER || high < Number.MAX_SAFE_INTEGER
      ? (record, scope) => Math.min(high, Math.max(low, Math.ceil(make(record, scope))))
      : make;
  return { make: bounded, nullChance: nullChanceOf(kind, place.field) };
}

/** A number field's maker: money with two decimals, rates and coordinates with more. */
export function numberFieldOf(bounds: NumberBounds, place: FieldPlace, entity: EntityContext): FieldMaker {
  const kind = sizeKindOf(numberKindOf(place.field), place, entity);
  const make = numberMaker(kind, place, entity);
  const low = bounds.minimum ?? -Infinity;
  const high = bounds.maximum ?? Infinity;
  const bounded: Make =
    Number.isFinite(low) || Number.isFinite(high)
      ? (record, scope) => Math.min(high, Math.max(low, make(record, scope)))
      : make;
  return { make: bounded, nullChance: nullChanceOf(kind, place.field) };
}

export function booleanFieldOf(place: FieldPlace): FieldMaker {
  const chance = flagChanceOf(place.field);
  return { make: ({ draw }) => draw.chance(chance), nullChance: 0.1 };
}

function nullChanceOf(kind: NumberKind, field: FieldName): number {
  if (kind === 'ownId' || kind === 'recordKey' || kind === 'sequence') return 0.03;
  if (kind === 'time') return nullChanceOfTime(field);
  return kind === 'foreignId' ? 0.15 : 0.2;
}

/** Small numbers are common and large ones rare: counts, sizes and amounts are skewed toward the low end. */
const skewed = (unit: number, min: number, max: number) => min + Math.floor(unit * unit * (max - min + 1));

function integerMaker(kind: NumberKind, place: FieldPlace, entity: EntityContext, int32: boolean): Make<number> {
  const { field } = place;
  switch (kind) {
    case 'ownId':
    case 'foreignId': {
      const digits = int32 ? Math.min(9, integerIdDigits(entity.connector)) : integerIdDigits(entity.connector);
      return ({ draw }) => Number(draw.digits(digits));
    }
    case 'recordKey': {
      const digits = integerIdDigits(entity.connector);
      return ({ draw, key }) => (typeof key === 'number' ? key : Number(draw.digits(digits)));
    }
    // Numbers climb with the records' creation (unique within the entity); nested ones are any earlier number.
    case 'sequence':
      return place.topLevel ? ({ draw, index }) => 100 + index * 3 + draw.int(0, 2) : ({ draw }) => draw.int(1, 100);
    case 'time': {
      const role = isTimeName(field) ? timeRoleOf(field) : 'other';
      // Milliseconds where the name says so; seconds otherwise, as Stripe and most REST APIs count.
      return /ms$|millis|msec/.test(field.compact) && !int32
        ? (record) => timeOf(record, role)
        : (record) => unixSeconds(timeOf(record, role));
    }
    case 'money':
      // Integer money is in the smallest unit (cents); balances are usually zero.
      if (field.compact === 'balance' || field.compact.endsWith('balance'))
        return ({ draw }) => (draw.chance(0.7) ? 0 : draw.int(-5000, 50_000));
      return ({ draw }) => (draw.chance(0.6) ? draw.int(5, 2500) * 100 : skewed(draw.unit(), 50, 500_000));
    case 'count':
      return ({ draw }) => skewed(draw.unit(), 0, 40);
    case 'bigCount':
      return ({ draw }) => skewed(draw.unit(), 100, 250_000);
    // Top-level positions follow the records' order; nested ones are small.
    case 'position':
      return place.topLevel ? ({ index }) => index : ({ draw }) => draw.int(0, 12);
    case 'quantity':
      return ({ draw }) => skewed(draw.unit(), 1, 12);
    case 'bytes':
      return ({ draw }) => skewed(draw.unit(), 1024, 8_000_000);
    case 'dimension':
      return ({ draw }) => draw.pick(DIMENSIONS);
    case 'duration':
      return ({ draw }) => skewed(draw.unit(), 30, 7200);
    case 'percent':
    case 'rate':
      return ({ draw }) => draw.int(0, 100);
    case 'year':
      return ({ draw }) => draw.int(2018, 2026);
    case 'month':
      return ({ draw }) => draw.int(1, 12);
    case 'day':
      return ({ draw }) => draw.int(1, 28);
    case 'age':
      return ({ draw }) => draw.int(18, 75);
    case 'score':
      return ({ draw }) => draw.int(0, 10);
    case 'version':
      return ({ draw }) => skewed(draw.unit(), 1, 30);
    case 'priority':
      return ({ draw }) => draw.int(0, 4);
    case 'latitude':
      return ({ draw }) => draw.int(-60, 70);
    case 'longitude':
      return ({ draw }) => draw.int(-170, 170);
    case 'exchangeRate':
      return () => 1;
    case 'weight':
      return ({ draw }) => skewed(draw.unit(), 1, 40);
    case 'plain':
      return ({ draw }) => skewed(draw.unit(), 0, 100);
  }
}

function numberMaker(kind: NumberKind, place: FieldPlace, entity: EntityContext): Make<number> {
  switch (kind) {
    case 'money':
      return ({ draw }) =>
        roundTo(draw.chance(0.5) ? draw.int(1, 250) * 10 - 0.01 : 1 + draw.unit() * draw.unit() * 3000, 2);
    case 'rate':
      return ({ draw }) => roundTo(draw.unit() * draw.unit() * 0.6, 4);
    case 'percent':
      return ({ draw }) => roundTo(draw.unit() * 100, 2);
    case 'latitude':
      return ({ draw }) => roundTo(-60 + draw.unit() * 130, 5);
    case 'longitude':
      return ({ draw }) => roundTo(-170 + draw.unit() * 340, 5);
    case 'exchangeRate':
      return ({ draw }) => roundTo(0.6 + draw.unit(), 6);
    case 'score':
      return ({ draw }) => roundTo(draw.unit() * 10, 1);
    case 'weight':
      return ({ draw }) => roundTo(0.1 + draw.unit() * draw.unit() * 25, 2);
    case 'duration':
      return ({ draw }) => roundTo(30 + draw.unit() * draw.unit() * 7200, 1);
    case 'plain':
      return ({ draw }) => roundTo(draw.unit() * draw.unit() * 1000, 2);
    default:
      return integerMaker(kind, place, entity, false);
  }
}
