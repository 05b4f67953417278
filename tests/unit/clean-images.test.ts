// What the build keeps of an SVG: the drawing, not its editor's comments, metadata, settings or the author's file paths.
import { describe, expect, it } from "vitest";
import { cleanSvg } from "../../src/features/assets/clean-images.ts";

describe("cleanSvg", () => {
  it("removes comments, metadata and Inkscape/Sodipodi data, self-closing or not, and keeps the drawing", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" sodipodi:docname="logo.svg" inkscape:export-filename="/home/jane/logo.png" viewBox="0 0 10 10">',
      "<!-- made by Jane -->",
      '<sodipodi:namedview id="view" pagecolor="#fff"><inkscape:grid type="xygrid"/><inkscape:page x="0" y="0"/></sodipodi:namedview>',
      '<sodipodi:namedview id="other"/>',
      "<metadata><rdf:RDF><dc:creator>Jane</dc:creator></rdf:RDF></metadata>",
      "<metadata/>",
      '<rect width="10" height="10" inkscape:label="background" fill="#000"/>',
      "</svg>",
    ].join("\n");
    expect(cleanSvg(svg)).toBe(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">', "", "", "", "", "", '<rect width="10" height="10" fill="#000"/>', "</svg>"].join("\n"));
  });
});
