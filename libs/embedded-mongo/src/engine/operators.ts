/**
 * The one list of operators the server puts in place of mingo's (or adds to them). mingo.ts builds its
 * operator context from this list on first use; the operator modules only export their operators.
 */
import { accumulatorOperators } from './accumulators';
import { arrayExpressions } from './array-expressions';
import { bitsQueryOperators } from './bits-query';
import { conversionExpressions } from './conversions';
import { dateExpressions } from './date-expressions';
import { comparisonExpressions } from './expression-compare';
import { geoQueryOperators } from './geo-query';
import { lookupStages } from './lookup-join';
import { queryOperators } from './match';
import { orderedStages } from './pipeline-order';
import { sortStage } from './reader';
import { numericExpressions } from './numeric-expressions';
import { numericArgumentExpressions } from './numeric-arguments';
import { numericQueryOperators } from './numeric-query';
import { statisticsAccumulators, statisticsExpressions } from './statistics';
import { collationGroupAccumulators, collationGroupExpressions, collationGroupStages } from './collation-grouping';
import { windowStages } from './window-fields';
import { windowAccumulators, windowOperators } from './window-numbers';

type AnyFn = (...args: never[]) => unknown;
export type OperatorKind = 'query' | 'pipeline' | 'expression' | 'accumulator' | 'window';

/** Called when mingo's context is first built, after every module above has loaded. */
export function operatorList(): Record<OperatorKind, Record<string, AnyFn>> {
  return {
    // comparison/type operators that compare BSON values by value with MongoDB's type bracketing
    query: {
      ...(queryOperators as Record<string, AnyFn>),
      ...numericQueryOperators,
      ...bitsQueryOperators,
      ...geoQueryOperators,
    },
    // $sort in MongoDB's cross-type order; $project/$bucket/$bucketAuto keep mongod's field order; windows
    // $lookup on fields joins the subset of the other collection its keys select
    pipeline: { ...sortStage, ...orderedStages, ...windowStages, ...collationGroupStages, ...lookupStages },
    // $convert & co., BSON-aware $eq..$cmp, ISO weeks, $size/$in with mongod's errors
    expression: {
      ...numericExpressions, // int32/int64/double/Decimal128 arithmetic with MongoDB's type promotion
      ...numericArgumentExpressions, // positions, counts, trigonometry … given int64/Decimal128/double arguments
      ...statisticsExpressions, // $median, $percentile, $stdDevPop, $stdDevSamp over every numeric type
      ...collationGroupExpressions,
      ...conversionExpressions,
      ...comparisonExpressions,
      ...dateExpressions,
      ...arrayExpressions,
    },
    // exact $sum/$avg/$min/$max over Long and Decimal128; statistics over every numeric type
    accumulator: {
      ...(accumulatorOperators as Record<string, AnyFn>),
      ...statisticsAccumulators,
      ...collationGroupAccumulators,
      ...windowAccumulators, // $covariancePop/$covarianceSamp with mongod's type promotion
    },
    // $derivative, $integral, $expMovingAvg on int64 and Decimal128 inputs as mongod computes them
    window: windowOperators as Record<string, AnyFn>,
  };
}
