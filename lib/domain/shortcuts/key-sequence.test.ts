import { describe, expect, it } from "vitest";
import {
  GO_TARGETS,
  IDLE,
  SEQUENCE_TIMEOUT_MS,
  SHORTCUT_LIST,
  goPath,
  readKeyPress,
  type KeyPress,
  type SequenceState,
} from "./key-sequence";

const press = (key: string, at: number, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  at,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isTyping: false,
  ...extra,
});

/** Feeds presses in turn and collects each command (null where a key did nothing yet). */
function play(presses: KeyPress[]) {
  let state: SequenceState = IDLE;
  return presses.map((p) => {
    const outcome = readKeyPress(state, p);
    state = outcome.state;
    return outcome.command;
  });
}

describe("readKeyPress", () => {
  it("goes to a page on g followed by its letter", () => {
    expect(play([press("g", 0), press("s", 300)])).toEqual([null, { kind: "go", target: GO_TARGETS[1] }]);
    for (const target of GO_TARGETS) {
      expect(play([press("g", 0), press(target.key, 10)])[1]).toEqual({ kind: "go", target });
    }
  });

  it("forgets a g after the timeout", () => {
    expect(play([press("g", 0), press("s", SEQUENCE_TIMEOUT_MS + 1)])).toEqual([null, null]);
    expect(play([press("g", 0), press("s", SEQUENCE_TIMEOUT_MS)])[1]).toMatchObject({ kind: "go" });
  });

  it("starts over when another key comes between g and the letter", () => {
    expect(play([press("g", 0), press("x", 100), press("s", 200)])).toEqual([null, null, null]);
  });

  it("a second g restarts the wait", () => {
    expect(play([press("g", 0), press("g", 900), press("e", 1_800)])[2]).toEqual({
      kind: "go",
      target: GO_TARGETS[2],
    });
  });

  it("a letter on its own does nothing", () => {
    expect(play([press("s", 0), press("e", 10)])).toEqual([null, null]);
  });

  it("/ searches and ? opens the help, with Shift held as ? needs", () => {
    expect(play([press("/", 0)])).toEqual([{ kind: "focus-search" }]);
    expect(play([press("?", 0)])).toEqual([{ kind: "help" }]);
  });

  it("ignores keys typed into a field, and drops a pending g", () => {
    expect(play([press("g", 0, { isTyping: true }), press("s", 10, { isTyping: true })])).toEqual([null, null]);
    expect(play([press("/", 0, { isTyping: true }), press("?", 1, { isTyping: true })])).toEqual([null, null]);
    expect(play([press("g", 0), press("s", 10, { isTyping: true })])).toEqual([null, null]);
  });

  it("ignores keys held with Ctrl, ⌘ or Alt", () => {
    expect(play([press("g", 0, { ctrlKey: true }), press("s", 10)])).toEqual([null, null]);
    expect(play([press("g", 0), press("s", 10, { metaKey: true })])).toEqual([null, null]);
    expect(play([press("/", 0, { altKey: true })])).toEqual([null]);
  });

  it("opens the palette on Ctrl+K or ⌘K, even while typing, but not with Alt", () => {
    expect(play([press("k", 0, { ctrlKey: true })])).toEqual([{ kind: "palette" }]);
    expect(play([press("K", 0, { metaKey: true, isTyping: true })])).toEqual([{ kind: "palette" }]);
    expect(play([press("k", 0, { metaKey: true, altKey: true })])).toEqual([null]);
    expect(play([press("k", 0)])).toEqual([null]);
  });
});

describe("the shortcut list", () => {
  it("lists every go target, search, the palette and the help", () => {
    const keys = SHORTCUT_LIST.map((s) => s.keys.join(" "));
    expect(keys).toEqual(["g o", "g s", "g e", "g r", "g i", "g p", "g a", "/", "Ctrl K", "?"]);
  });

  it("builds each target's path under the org", () => {
    expect(goPath("acme", GO_TARGETS[0])).toBe("/acme");
    expect(goPath("acme", GO_TARGETS[1])).toBe("/acme/sprints");
  });
});
