/**
 * `$setWindowFields`: mingo computes window outputs through an internal `$function` expression, which the
 * server's options (no user JavaScript) refuse, so every window stage failed. The stage runs with scripts
 * enabled for mingo's own use; user `$function`/`$where` stay refused elsewhere.
 */
type Stage = (coll: unknown, expr: unknown, options: unknown) => unknown;
const base = (require('mingo/operators/pipeline') as { $setWindowFields: Stage }).$setWindowFields;

export const windowStages = {
  $setWindowFields: ((
    coll: unknown,
    expr: unknown,
    options: { options?: Record<string, unknown> } & Record<string, unknown>,
  ) => {
    const raw = options?.options ?? options;
    return base(coll, expr, { ...raw, scriptEnabled: true });
  }) as never,
};
