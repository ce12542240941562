/** Thrown for any invalid model option: names the parameter and what it accepts. */
export class ParamError extends Error {
  override readonly name = "ParamError";
  constructor(
    /** The schema name of the offending parameter (e.g. "alpha"). */
    readonly param: string,
    /** Human-readable allowed values, e.g. "a number in [0, 1]". */
    readonly allowed: string,
    /** What was received, rendered as text (never interpreted as HTML by views). */
    readonly received: string,
  ) {
    super(`${param}: expected ${allowed}, got ${received}`);
  }
}
