// Slugs for URLs, tags and anchors.
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/core/content/slug.ts";

describe("slugify", () => {
  it("makes readable ASCII slugs from French and English", () => {
    expect(slugify("Énergie & climat")).toBe("energie-and-climat");
    expect(slugify("sommet de l'IA")).toBe("sommet-de-l-ia");
    expect(slugify("Contre-sommet de l’IA : pourquoi ?")).toBe("contre-sommet-de-l-ia-pourquoi");
    expect(slugify("AI's hunger")).toBe("ais-hunger");
    expect(slugify("Œuvre à cœur")).toBe("oeuvre-a-coeur");
  });
});
