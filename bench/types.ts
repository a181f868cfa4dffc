/** What a benchmark module (bench/*.bench.ts) exports. Figures are measurements to record, never asserted. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
}

export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
