/**
 * Rows of one object type kept in creation order, with an id index. The
 * position of a row is its cursor key for `before`/`after` pagination, so
 * cursors keep working after other rows are deleted.
 */
export class Table<T extends { id: string }> {
  private rows: T[] = [];
  private byId = new Map<string, T>();
  private seqById = new Map<string, number>();
  private nextSeq = 0;

  constructor(rows: T[] = []) {
    for (const row of rows) this.insert(row);
  }

  insert(row: T): T {
    this.rows.push(row);
    this.byId.set(row.id, row);
    this.seqById.set(row.id, this.nextSeq++);
    return row;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  delete(id: string): T | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    this.byId.delete(id);
    this.rows.splice(this.rows.indexOf(row), 1);
    return row;
  }

  /** All rows, oldest first. Do not mutate the array. */
  all(): readonly T[] {
    return this.rows;
  }

  get size() {
    return this.rows.length;
  }

  /** Creation order of a row (also of deleted rows), or undefined for unknown ids. */
  seqOf(id: string): number | undefined {
    return this.seqById.get(id);
  }
}
