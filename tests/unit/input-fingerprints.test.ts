// What an output is recorded as made from: the same values give the same key, a cycle is made every time, and the build context is refused.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BuildSession } from "../../src/core/build/build-memo.ts";
import { createContext } from "../../src/core/context.ts";
import type { SiteModel } from "../../src/core/contract.ts";
import { ContextInInputs, InputFingerprints } from "../../src/core/output/fingerprint.ts";
import { tempDir } from "../helpers/project.ts";

const fingerprints = () =>
  new InputFingerprints({ posts: [] } as unknown as SiteModel, new BuildSession().memo("input-texts"));

describe("InputFingerprints.of", () => {
  it("gives the same key for the same values, another when one changes", () => {
    const of = fingerprints();
    const view = { title: "Le charbon revient", tags: new Set(["énergie"]), seen: new Map([["fr", 1]]) };
    expect(of.of(view)).toBe(of.of({ ...view }));
    expect(of.of({ ...view, tags: new Set(["climat"]) })).not.toBe(of.of(view));
    expect(of.of({ ...view, seen: new Map([["fr", 2]]) })).not.toBe(of.of(view));
  });

  it("gives no key for a cycle: the output is then made at every build", () => {
    const cycle: Record<string, unknown> = { title: "boucle" };
    cycle.self = cycle;
    expect(fingerprints().of(cycle)).toBeUndefined();
  });

  it("refuses inputs that hold the build context, naming where, unless they say what they read of it (toJSON)", async () => {
    const context = createContext({ root: await tempDir(), now: DateTime.now(), mode: "production" });
    const of = fingerprints();
    expect(() => of.of({ view: { title: "x" }, pictures: { context } })).toThrow(ContextInInputs);
    expect(() => of.of({ pictures: { context } })).toThrow(/inputs hold the build context \(under "context"\)/);
    const book = { context, toJSON: () => ({ pictures: ["/assets/img/charbon.jpg"] }) };
    expect(of.of({ pictures: book })).toBe(of.of({ pictures: { pictures: ["/assets/img/charbon.jpg"] } }));
  });
});
