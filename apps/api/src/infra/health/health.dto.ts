export class HealthCheckDto {
  /** @example "up" */
  status!: 'up' | 'down';
}

export class HealthDto {
  /** @example "ok" */
  status!: 'ok' | 'error';
  /** One entry per dependency, e.g. `database`, `storage`. */
  checks!: Record<string, HealthCheckDto>;
}
