/**
 * The order in which this process heard of changes to orgs' data (lib/db/system/org-data-changes.ts), so a render
 * can be checked against every change committed after it began. Nothing is trusted while not listening: a change
 * made meanwhile would never be heard.
 */
export class OrgChangeLog {
  private seq = 0;
  private readonly lastChange = new Map<string, number>();
  private lastEveryOrg = 0;
  private listening = false;

  /** A position to compare later changes against; taken before a render reads anything. */
  now(): number {
    return this.seq;
  }

  /** A change to one org (its id), or to what every org shows (`everyOrg`). */
  record(orgId: string, everyOrg: boolean) {
    this.seq += 1;
    if (everyOrg) this.lastEveryOrg = this.seq;
    else this.lastChange.set(orgId, this.seq);
  }

  /** Listening again: whatever changed while not listening is unknown, so everything before now counts as changed. */
  up() {
    this.seq += 1;
    this.lastEveryOrg = this.seq;
    this.lastChange.clear();
    this.listening = true;
  }

  down() {
    this.listening = false;
  }

  /** Whether nothing of the org's has changed since `position`, as far as this process can know. */
  unchangedSince(orgId: string, position: number): boolean {
    return this.listening && this.lastEveryOrg <= position && (this.lastChange.get(orgId) ?? 0) <= position;
  }
}
