/**
 * What an outbound write changed, for the audit log: each field sent, with the
 * value before where Bosun knew it. The log is kept for years and read by every
 * admin, so secrets never enter it and its size stays bounded whatever the
 * write carried.
 */
export type AuditValue = string | number | boolean | null;
export type AuditDiffEntry = { field: string; before?: AuditValue; after: AuditValue };

export const MAX_DIFF_FIELDS = 50;
export const MAX_VALUE_LENGTH = 500;
const MAX_DEPTH = 3;
const REDACTED = "[redacted]";
const SECRET_KEY = /token|secret|password|authorization|apiKey|cookie/i;
const BEARER = /^\s*(bearer|basic)\s+[A-Za-z0-9._~+/=-]+\s*$/i;
const JWT = /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/;

type Leaf = { field: string; value: AuditValue };

/** The diff of an operation's arguments against what Bosun knew before (`before` has the same shape as the arguments). */
export function buildAuditDiff(args: unknown, before?: unknown): AuditDiffEntry[] {
  const after = flatten(args);
  const previous = new Map(flatten(before).map((leaf) => [leaf.field, leaf.value]));
  const entries: AuditDiffEntry[] = after
    .slice(0, MAX_DIFF_FIELDS)
    .map(({ field, value }) =>
      previous.has(field) ? { field, before: previous.get(field)!, after: value } : { field, after: value },
    );
  if (after.length > MAX_DIFF_FIELDS)
    entries.push({ field: "…", after: `${after.length - MAX_DIFF_FIELDS} more fields not recorded` });
  return entries;
}

function flatten(value: unknown): Leaf[] {
  const leaves: Leaf[] = [];
  if (isRecord(value)) walkRecord(value, "", 0, leaves);
  return leaves;
}

function walkRecord(record: Record<string, unknown>, prefix: string, depth: number, leaves: Leaf[]) {
  for (const [key, value] of Object.entries(record)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (SECRET_KEY.test(key)) leaves.push({ field, value: REDACTED });
    else walkValue(value, field, depth + 1, leaves);
  }
}

function walkValue(value: unknown, field: string, depth: number, leaves: Leaf[]) {
  if (Array.isArray(value)) {
    if (value.every(isScalar))
      leaves.push({
        field,
        value: value.length === 0 ? "(none)" : truncate(value.map((item) => String(bound(item))).join(", ")),
      });
    else value.forEach((item, index) => walkValue(item, `${field}[${index}]`, depth, leaves));
  } else if (isRecord(value)) {
    if (isDocument(value)) leaves.push({ field, value: `document, ${textLength(value)} characters of text` });
    else if (depth >= MAX_DEPTH) leaves.push({ field, value: `{${Object.keys(value).length} fields}` });
    else walkRecord(value, field, depth, leaves);
  } else leaves.push({ field, value: isScalar(value) ? bound(value) : String(value) });
}

function bound(value: AuditValue): AuditValue {
  if (typeof value !== "string") return value;
  return BEARER.test(value) || JWT.test(value) ? REDACTED : truncate(value);
}

function truncate(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** An Atlassian document (a Jira description or comment): its text can be long and is not a setting. */
function isDocument(value: Record<string, unknown>): boolean {
  return value.type === "doc" && Array.isArray(value.content);
}

function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + textLength(child), 0);
  if (!isRecord(node)) return 0;
  return (typeof node.text === "string" ? node.text.length : 0) + textLength(node.content);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is AuditValue {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * Counters and ids the outbox keeps on its entries (how many attempts, which intent): they say how a write went,
 * not what it changed, so they stay out of the diff.
 */
const BOOKKEEPING_KEYS = new Set(["attempts", "intentId", "supersededIntentId"]);

/**
 * The diff stored with an audit entry: the `diff` an outbound write recorded; the `{ from, to }` pairs of the fields
 * an entry changed; a whole record's `{ from, to }`, field by field. An entry of plain values (a team created, release
 * notes published, a rollback dry run) reads as those values with nothing before them, bounded and redacted like an
 * outbound write's diff. Plain values beside `{ from, to }` pairs are context for the change and are left out.
 */
export function readAuditDiff(changes: unknown): AuditDiffEntry[] {
  return readAuditChanges(changes).diff;
}

/**
 * `readAuditDiff`, and what a row without a before value means: for an outbound write, a value Bosun did not know
 * (`isBeforeUnknown`); for everything else, that there was nothing before (a record created, a value stated).
 */
export function readAuditChanges(changes: unknown): { diff: AuditDiffEntry[]; isBeforeUnknown: boolean } {
  if (isRecord(changes) && "diff" in changes) {
    const diff = changes.diff;
    return { diff: Array.isArray(diff) && diff.every(isDiffEntry) ? diff : [], isBeforeUnknown: true };
  }
  return { diff: readRecordedChanges(changes), isBeforeUnknown: false };
}

function readRecordedChanges(changes: unknown): AuditDiffEntry[] {
  if (!isRecord(changes)) return [];
  if (isWholeRecordChange(changes)) return buildAuditDiff(changes.to, changes.from ?? undefined);
  const pairs = Object.entries(changes).flatMap(([field, change]) => {
    if (!isRecord(change) || !("from" in change) || !("to" in change)) return [];
    const before = toValue(change.from);
    const after = toValue(change.to);
    return before === undefined || after === undefined ? [] : [{ field, before, after }];
  });
  if (pairs.length > 0) return pairs;
  const plain = Object.fromEntries(Object.entries(changes).filter(([key]) => !BOOKKEEPING_KEYS.has(key)));
  return buildAuditDiff(plain);
}

/** `{ from, to }` around a whole record (a setting's object, a rule), `from` null when the record was created. */
function isWholeRecordChange(
  changes: Record<string, unknown>,
): changes is { from: Record<string, unknown> | null; to: Record<string, unknown> } {
  const keys = Object.keys(changes);
  return (
    keys.length === 2 &&
    "from" in changes &&
    "to" in changes &&
    isRecord(changes.to) &&
    (changes.from === null || isRecord(changes.from))
  );
}

function isDiffEntry(entry: unknown): entry is AuditDiffEntry {
  return (
    isRecord(entry) &&
    typeof entry.field === "string" &&
    "after" in entry &&
    isScalar(entry.after) &&
    (!("before" in entry) || isScalar(entry.before))
  );
}

function toValue(value: unknown): AuditValue | undefined {
  if (isScalar(value)) return value;
  return Array.isArray(value) && value.every(isScalar) ? value.join(", ") : undefined;
}

/** One line for a CSV cell: `field: before → after; …`. */
export function formatAuditDiff(diff: AuditDiffEntry[]): string {
  return diff
    .map((entry) =>
      "before" in entry
        ? `${entry.field}: ${String(entry.before)} → ${String(entry.after)}`
        : `${entry.field}: ${String(entry.after)}`,
    )
    .join("; ");
}
