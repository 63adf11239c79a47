import { VITAL_TREND_STABLE_PER_WEEK, type VitalTrendDto, type VitalType } from '@cloudvault/contracts';

/** Sums for a least-squares line y = a + b·x (x in weeks); they add up across buckets. */
export interface RegressionSums {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  sxy: number;
}

/**
 * Slope per week from regression sums and its direction: stable while |slope| (to 0.001) is under the type's
 * clinically meaningful change per week (VITAL_TREND_STABLE_PER_WEEK).
 */
export function trendFromSums(type: VitalType, s: RegressionSums): VitalTrendDto {
  const denominator = s.n * s.sxx - s.sx * s.sx;
  // Fewer than two distinct times: no line. The tolerance absorbs rounding of x (weeks as doubles).
  if (s.n < 2 || denominator <= 1e-12 * Math.max(1, s.n * s.sxx))
    return { slopePerWeek: null, direction: 'insufficient_data' };
  const slope = (s.n * s.sxy - s.sx * s.sy) / denominator;
  // The direction follows the reported (rounded) slope, so floating-point noise cannot flip it at a threshold.
  const rounded = Math.round(slope * 1000) / 1000;
  const threshold = VITAL_TREND_STABLE_PER_WEEK[type];
  const direction = Math.abs(rounded) < threshold ? 'stable' : rounded > 0 ? 'rising' : 'falling';
  return { slopePerWeek: rounded, direction };
}
