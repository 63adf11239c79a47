/**
 * Options of `create` for capped and time-series collections (reference/command/create), checked as mongod
 * checks them, and how listCollections describes each kind of collection: `collection`, `view` (read-only,
 * no `_id` index) or `timeseries`.
 */
import { isDocument } from '../bson/paths';
import { ID_INDEX } from '../engine/collection';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';

const GRANULARITY_SPAN: Record<string, number> = { seconds: 3600, minutes: 86400, hours: 2592000 };

function timeseriesOptions(raw: unknown): Doc {
  if (!isDocument(raw)) return fail(14, "BSON field 'create.timeseries' is the wrong type, expected type 'object'");
  if (typeof raw.timeField !== 'string')
    fail(40414, "BSON field 'create.timeseries.timeField' is missing but a required field");
  const out: Doc = { timeField: raw.timeField };
  if (raw.metaField !== undefined) {
    if (typeof raw.metaField !== 'string') fail(14, "BSON field 'timeseries.metaField' must be a string");
    if (raw.metaField === raw.timeField) fail(72, "The 'metaField' field cannot be the same as the 'timeField' field");
    if (raw.metaField === '_id') fail(72, "The 'metaField' field name cannot be '_id'");
    out.metaField = raw.metaField;
  }
  const span = raw.bucketMaxSpanSeconds;
  const rounding = raw.bucketRoundingSeconds;
  if (span !== undefined || rounding !== undefined) {
    if (raw.granularity !== undefined)
      fail(72, "Time-series 'bucketMaxSpanSeconds' cannot be set when 'granularity' is set");
    if (span === undefined || rounding === undefined || Number(span) !== Number(rounding))
      fail(72, "Time-series 'bucketMaxSpanSeconds' and 'bucketRoundingSeconds' fields must be set and equal");
    out.bucketRoundingSeconds = Number(rounding);
    out.bucketMaxSpanSeconds = Number(span);
    return out;
  }
  const granularity = String(raw.granularity ?? 'seconds');
  if (!(granularity in GRANULARITY_SPAN))
    fail(2, `Enumeration value '${granularity}' for field 'timeseries.granularity' is not a valid value.`);
  out.granularity = granularity;
  out.bucketMaxSpanSeconds = GRANULARITY_SPAN[granularity];
  return out;
}

/** Normalises the capped/time-series options of a `create` command (in place on the options to store). */
export function checkKindOptions(cmd: Doc, options: Doc): void {
  if (cmd.timeseries !== undefined) {
    if (cmd.capped === true) fail(72, 'Time-series collection cannot be capped');
    options.timeseries = timeseriesOptions(cmd.timeseries);
    if (cmd.expireAfterSeconds !== undefined)
      fail(115, 'expireAfterSeconds on a time-series collection is not supported by the embedded server');
  } else if (cmd.expireAfterSeconds !== undefined) {
    fail(72, "'expireAfterSeconds' is only supported on time-series collections");
  }
  if (cmd.capped === true) {
    const size = Number(cmd.size);
    if (cmd.size === undefined) fail(72, "the 'size' field is required when 'capped' is true");
    if (!Number.isFinite(size) || size <= 0)
      fail(72, "the 'size' field must be a positive number when 'capped' is true");
    if (size > 2 ** 50) fail(72, "the 'size' field cannot exceed 1 PB");
    options.size = size;
    if (cmd.max !== undefined) options.max = Number(cmd.max);
  } else {
    delete options.capped;
    delete options.size;
    delete options.max;
  }
}

const GRANULARITY_ORDER = ['seconds', 'minutes', 'hours'];

/**
 * collMod of a capped collection's `cappedSize`/`cappedMax` (the excess goes on the next insert) and of a
 * time-series collection's `granularity` (only coarser, reference/command/collMod).
 */
export function applyKindMod(cmd: Doc, options: Doc): void {
  if (cmd.cappedSize !== undefined || cmd.cappedMax !== undefined) {
    if (options.capped !== true) fail(72, 'option only supported on capped collections');
    if (cmd.cappedSize !== undefined) {
      const size = Number(cmd.cappedSize);
      if (!Number.isFinite(size) || size <= 0 || size > 2 ** 50) fail(72, "'cappedSize' must be between 1 and 1 PB");
      options.size = size;
    }
    if (cmd.cappedMax !== undefined) {
      if (Number(cmd.cappedMax) > 0) options.max = Number(cmd.cappedMax);
      else delete options.max;
    }
  }
  if (cmd.timeseries !== undefined) {
    const ts = options.timeseries as Doc | undefined;
    if (!ts) return fail(72, 'option only supported on a time-series collection: timeseries');
    const next = isDocument(cmd.timeseries) ? String(cmd.timeseries.granularity ?? ts.granularity) : '';
    const from = GRANULARITY_ORDER.indexOf(String(ts.granularity));
    const to = GRANULARITY_ORDER.indexOf(next);
    if (to < 0 || from < 0 || to < from)
      fail(
        72,
        `Invalid transition for timeseries.granularity. Can only transition from '${String(ts.granularity)}' to a coarser granularity`,
      );
    options.timeseries = { ...ts, granularity: next, bucketMaxSpanSeconds: GRANULARITY_SPAN[next] };
  }
}

/** One listCollections entry. */
export function describeCollection(name: string, options: Doc): Doc {
  if (typeof options.viewOn === 'string')
    return {
      name,
      type: 'view',
      options: { viewOn: options.viewOn, pipeline: options.pipeline ?? [] },
      info: { readOnly: true },
    };
  if (isDocument(options.timeseries)) return { name, type: 'timeseries', options, info: { readOnly: false } };
  return { name, type: 'collection', options, info: { readOnly: false }, idIndex: { ...ID_INDEX } };
}
