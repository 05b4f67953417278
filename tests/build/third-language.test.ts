// Adding a language needs only its declaration, its strings file and its posts.
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { copyProject, runBuild } from "../helpers/project.ts";

describe("a third language", () => {
  it("builds Spanish pages with hreflang, switcher and translation links, from data and posts only", async () => {
    const root = await copyProject();
    await appendFile(
      path.join(root, "_data/languages.yaml"),
      '- code: es\n  name: Español\n  locale: es-ES\n  dir: ltr\n  quotes: "«»“”"\n',
    );
    const english = await readFile(path.join(root, "_data/strings/en.yaml"), "utf8");
    const spanish = english
      .replace("title: Against AI and its world", "title: Contra la IA y su mundo")
      .replace("posts: posts", "posts: articulos")
      .replace("tags: topics", "tags: temas")
      .replace("archive: archive", "archive: archivo")
      .replace("home: Home", "home: Inicio");
    await writeFile(path.join(root, "_data/strings/es.yaml"), spanish);
    await mkdir(path.join(root, "posts/es"));
    await writeFile(
      path.join(root, "posts/es/ia-carbon.md"),
      "---\ntitle: El hambre de energía de la IA\ndate: 2025-01-14\ndescription: La IA pide cada vez más electricidad.\ntranslationKey: ia-charbon\nslug: ia-carbon\ntags: [energía]\n---\nTexto en español.\n",
    );

    const result = await runBuild(root, "_site");
    expect(result.code, result.stderr).toBe(0);
    const read = async (url: string) =>
      cheerio.load(await readFile(path.join(root, "_site", url, url.endsWith(".html") ? "" : "index.html"), "utf8"));

    const post = await read("/es/ia-carbon/");
    expect(post("html").attr("lang")).toBe("es");
    expect(post("time").first().text()).toBe("14 de enero de 2025");
    expect(post('link[hreflang="fr"]').attr("href")).toBe("https://tract.example.org/fr/ia-retour-du-charbon/");
    expect(
      post(".post-translations a")
        .toArray()
        .map((a) => post(a).attr("hreflang"))
        .sort(),
    ).toEqual(["en", "fr"]);

    const french = await read("/fr/ia-retour-du-charbon/");
    expect(french('link[hreflang="es"]').attr("href")).toBe("https://tract.example.org/es/ia-carbon/");
    expect(french('.language-switcher a[hreflang="es"]').text()).toBe("Español");
    const frenchOnly = await read("/fr/brochure-synthese-critiques-ia/");
    expect(frenchOnly('.language-switcher a[hreflang="es"]').attr("href")).toBe("/es/");

    const home = await read("/es/");
    expect(home(".site-nav a").first().attr("href")).toBe("/es/articulos/");
    // Without press texts in Spanish, the Spanish site has no press room yet, and the build says why; its menu,
    // from _data/navigation.yaml, leaves out that room and the pages not written in Spanish yet.
    expect(result.stderr).toContain(
      '[tract] warning: _data/press.yaml: boilerplate › es: missing, so the "es" site has no press room',
    );
    expect(
      home(".site-nav a")
        .toArray()
        .map((a) => home(a).attr("href")),
    ).toEqual(["/es/articulos/", "/es/events/", "/es/rebuttals/", "/es/search/"]);
    const rootPage = await read("/");
    expect(rootPage('link[hreflang="es"]').attr("href")).toBe("https://tract.example.org/es/");
  });

  it("refuses a language whose strings file lacks a key, naming the key and the language", async () => {
    const root = await copyProject();
    await appendFile(path.join(root, "_data/languages.yaml"), "- code: es\n  name: Español\n  locale: es-ES\n");
    const english = await readFile(path.join(root, "_data/strings/en.yaml"), "utf8");
    await writeFile(path.join(root, "_data/strings/es.yaml"), english.replace(/^ {2}home: Home\n/m, ""));
    const result = await runBuild(root, "_site");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '_data/strings/es.yaml: nav › home: missing string for language "es" (expected a translation of "Accueil" from _data/strings/fr.yaml)',
    );
  });
});
