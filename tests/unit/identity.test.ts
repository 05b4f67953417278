// The collective's accent from _data/site.yaml: kept as given where text reads on it, moved just enough where it would not, in both colour schemes.
import Color from "colorjs.io";
import { describe, expect, it } from "vitest";
import { siteSchema } from "../../src/core/content/schema.ts";
import { identityOf, identityStylesheet } from "../../src/core/model/identity.ts";

const site = (fields: Record<string, string>) => siteSchema.parse({ url: "https://example.org", ...fields });
const contrast = (a: string, b: string) => new Color(a).contrast(new Color(b), "WCAG21");

describe("the identity", () => {
  it("keeps a dark accent as given on light pages, and lightens it for dark ones", () => {
    const identity = identityOf(site({ accent: "#9B1C1C", logo: "/assets/press/logo.svg" }));
    expect(identity.accent).toBe("#9b1c1c");
    expect(identity.light).toEqual({ accent: "#9b1c1c", onAccent: "#ffffff" });
    expect(contrast(identity.dark.accent, "#161614")).toBeGreaterThanOrEqual(4.5);
    expect(identity.logo).toEqual({ url: "/assets/press/logo.svg", file: "assets/press/logo.svg" });
    expect(identityStylesheet(identity)).toContain(":root{--accent:#9b1c1c;--accent-text:#ffffff}");
  });

  it("makes any accent readable as text and under its button text, in both schemes (WCAG AA)", () => {
    for (const accent of ["#ffd400", "#ffffff", "#000000", "#1e7b34", "#3355ff"]) {
      const identity = identityOf(site({ accent }));
      for (const [pair, backgrounds] of [
        [identity.light, ["#fdfcf8", "#f1efe7"]],
        [identity.dark, ["#161614", "#24241f"]],
      ] as const) {
        for (const background of backgrounds)
          expect(contrast(pair.accent, background), `${accent} on ${background}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(pair.accent, pair.onAccent), `${accent}: text on it`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
