/**
 * D1 with a running total of the time and rows each request spends, so every
 * response can say what it cost (Server-Timing) and the benchmarks can see
 * whether rows read grow with the data.
 */
export class TrackedDb {
  readonly d1: D1Database;
  durationMs = 0;
  rowsRead = 0;
  rowsWritten = 0;
  queries = 0;
  /** Waits on D1: a batch of any size is one. */
  roundTrips = 0;

  constructor(d1: D1Database) {
    this.d1 = d1;
  }

  prepare(sql: string, ...params: unknown[]): D1PreparedStatement {
    const statement = this.d1.prepare(sql);
    return params.length > 0 ? statement.bind(...params) : statement;
  }

  async all<Row>(sql: string, ...params: unknown[]): Promise<Row[]> {
    const started = performance.now();
    const result = await this.prepare(sql, ...params).all<Row>();
    this.record(result.meta, started);
    return result.results;
  }

  async first<Row>(sql: string, ...params: unknown[]): Promise<Row | null> {
    const rows = await this.all<Row>(sql, ...params);
    return rows[0] ?? null;
  }

  async run(sql: string, ...params: unknown[]): Promise<D1Meta> {
    const started = performance.now();
    const result = await this.prepare(sql, ...params).run();
    this.record(result.meta, started);
    return result.meta;
  }

  /** All or nothing: D1 runs a batch as one transaction. */
  async batch<Row = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<Row>[]> {
    if (statements.length === 0) return [];
    const started = performance.now();
    const results = await this.d1.batch<Row>(statements);
    this.durationMs += performance.now() - started;
    this.roundTrips += 1;
    for (const result of results) this.record(result.meta);
    return results;
  }

  /**
   * Time is the round trip as this request waited for it (D1's own
   * meta.duration is 0 in local workerd and leaves out the network).
   */
  private record(meta: D1Meta | undefined, started?: number): void {
    this.queries += 1;
    if (started !== undefined) {
      this.durationMs += performance.now() - started;
      this.roundTrips += 1;
    }
    if (!meta) return;
    this.rowsRead += meta.rows_read ?? 0;
    this.rowsWritten += meta.rows_written ?? 0;
  }
}
