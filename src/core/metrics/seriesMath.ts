// Reductions over a series placed on the time grid, where null means "no datapoint in that period".

type Series = readonly (number | null)[];

const present = (series: Series): number[] => series.filter((v): v is number => v !== null);

export function total(series: Series): number {
  return present(series).reduce((sum, v) => sum + v, 0);
}

export function maximum(series: Series): number | undefined {
  const values = present(series);
  return values.length ? Math.max(...values) : undefined;
}

export function mean(series: Series): number | undefined {
  const values = present(series);
  return values.length ? total(values) / values.length : undefined;
}

/** The mean of `values` where each period counts `weights` times; undefined when no period has both. */
export function weightedMean(values: Series, weights: Series): number | undefined {
  let sum = 0;
  let weight = 0;
  values.forEach((v, i) => {
    const w = weights[i];
    if (v !== null && w !== null && w !== undefined && w > 0) {
      sum += v * w;
      weight += w;
    }
  });
  return weight > 0 ? sum / weight : undefined;
}

/** Percent of invocations without an error, period by period; null where nothing was invoked. */
export function successRates(invocations: Series, errors: Series): (number | null)[] {
  return invocations.map((inv, i) => successRate(inv ?? 0, errors[i] ?? 0) ?? null);
}

export function successRate(invocations: number, errors: number): number | undefined {
  return invocations > 0 ? (100 * (invocations - errors)) / invocations : undefined;
}
