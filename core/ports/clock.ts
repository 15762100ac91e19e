/** Where every "now" comes from, so a run (or a test) can be placed on any date. */
export interface Clock {
  now(): Date;
}
