// Pictures in content: titled Markdown images become figures, a post's image credit and licence are validated, and a body's pictures become responsive.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { Markdown } from "../../src/core/markdown/render.ts";
import { errorLines, fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";

const french = new Markdown({ lang: "fr", siteOrigin: "https://tract.example.org" });

describe("figures", () => {
  it("makes an image alone in its paragraph with a title a figure, its title the caption, typeset and escaped", () => {
    const $ = cheerio.load(
      french.render('Avant.\n\n![Une foule](/assets/a.jpg "La foule : 9 février <b> & co")\n\nAprès.'),
    );
    expect($("figure").length).toBe(1);
    expect($("figure > img").attr("alt")).toBe("Une foule");
    expect($("figure > img").attr("title")).toBeUndefined();
    expect($("figure > figcaption").text()).toBe("La foule\u202F: 9 février <b> & co");
    expect($("p").length).toBe(2);
  });

  it("leaves an image among text, or without a title, in its paragraph with its title", () => {
    const $ = cheerio.load(french.render('Voir ![carte](/assets/b.png "Plan") ici.\n\n![Sans titre](/assets/c.png)'));
    expect($("figure").length).toBe(0);
    expect($("p img").first().attr("title")).toBe("Plan");
    expect($("p img").length).toBe(2);
  });
});

describe("a post's image credit and licence", () => {
  const image = { image: "/assets/press/photos/rassemblement.jpg", imageAlt: "Une foule sous une verrière" };

  it("accept a credit and a licence by name or with its address, shown under the picture", async () => {
    const root = await fixtureProject({
      "posts/fr/a.md": postSource({ ...image, imageCredit: '"Camille Martin"', imageLicence: "CC BY-SA 4.0" }),
      "posts/fr/b.md": postSource({
        ...image,
        translationKey: "b",
        imageLicence: '{ name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }',
      }),
    });
    const { model, problems } = await modelFor(root);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    const posts = model!.edition("fr").posts;
    expect(posts.map((post) => [post.imageCredit, post.imageLicence])).toEqual([
      ["Camille Martin", { name: "CC BY-SA 4.0" }],
      [undefined, { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" }],
    ]);
  });

  it("are refused without an image, or with a licence that is neither a name nor { name, url }", async () => {
    expect(
      await errorLines({
        "posts/fr/a.md": postSource({ imageCredit: '"Camille Martin"', imageLicence: "CC0" }),
        "posts/fr/b.md": postSource({
          ...image,
          translationKey: "b",
          imageLicence: "{ name: CC BY, url: pas-une-adresse }",
        }),
        "posts/fr/c.md": postSource({ ...image, translationKey: "c", imageLicence: "[CC, BY]" }),
      }),
    ).toEqual([
      "posts/fr/a.md:6: imageCredit: is given without image (expected an image: line naming the picture it is about, or no imageCredit line)",
      "posts/fr/a.md:7: imageLicence: is given without image (expected an image: line naming the picture it is about, or no imageLicence line)",
      'posts/fr/b.md:8: imageLicence › url: "pas-une-adresse" is not a URL (expected the licence\'s address, e.g. https://creativecommons.org/licenses/by/4.0/)',
      'posts/fr/c.md:8: imageLicence: ["CC","BY"] is not a licence (expected a licence: its name, e.g. CC BY 4.0, or { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ })',
    ]);
  });
});

describe("a body's pictures", () => {
  it("become responsive when they are pictures of assets/, and stay as written otherwise", async () => {
    const body = [
      "![Une foule](/assets/press/photos/rassemblement.jpg)",
      '<img src="/assets/press/photos/rassemblement.jpg" alt="Choisie" width="300">',
      '<img src="/assets/press/photos/rassemblement.jpg">',
      "![Logo](/assets/press/logo.svg)",
      "![Ailleurs](/assets/absente.jpg)",
    ].join("\n\n");
    const { model } = await modelFor(await fixtureProject({ "posts/fr/a.md": postSource({}, body) }));
    const $ = cheerio.load(model!.edition("fr").posts[0]!.html);
    expect($("picture").length).toBe(1);
    expect($("picture img").attr("alt")).toBe("Une foule");
    expect($("picture img").attr("loading")).toBe("lazy");
    expect($('img[alt="Choisie"]').attr("width")).toBe("300");
    expect($('img[alt="Choisie"]').attr("srcset")).toBeUndefined();
    expect($("img:not([alt])").attr("src")).toBe("/assets/press/photos/rassemblement.jpg");
    expect($('img[alt="Logo"]').attr("src")).toBe("/assets/press/logo.svg");
    expect($('img[alt="Ailleurs"]').attr("src")).toBe("/assets/absente.jpg");
  });
});

describe("eleventy-img", () => {
  it("uses the project's one sharp (package.json overrides its ^0.33 range), not a copy of its own", () => {
    const project = createRequire(import.meta.url);
    const fromEleventyImg = createRequire(project.resolve("@11ty/eleventy-img"));
    expect(fromEleventyImg.resolve("sharp")).toBe(project.resolve("sharp"));
    expect(sharp.versions.sharp).toBe("0.35.5");
  });
});
