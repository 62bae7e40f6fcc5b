/** The parts of the configuration the schema itself depends on. */
export interface SchemaSettings {
  readonlyRole: { user: string; password: string };
  /** First and last day (YYYY-MM-DD) for which monthly tick partitions are created up front. */
  tickDataRange: { from: string; to: string };
}
