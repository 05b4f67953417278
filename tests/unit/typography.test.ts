// French typography at build time: narrow no-break spaces where French wants them, never in code, URLs or attributes.
import { describe, expect, it } from "vitest";
import { frenchSpacing, typeset } from "../../src/core/typography/french.ts";
import { Markdown } from "../../src/core/markdown/render.ts";

const N = "\u202F";
const render = (source: string, lang = "fr") =>
  new Markdown({ lang, quotes: lang === "fr" ? "«»“”" : "“”‘’", siteOrigin: "https://tract.example.org" }).render(
    source,
  );

describe("frenchSpacing", () => {
  it("puts a narrow no-break space before ; : ! ? and inside « »", () => {
    expect(frenchSpacing("Pourquoi ? Parce que : voilà ; enfin !")).toBe(
      `Pourquoi${N}? Parce que${N}: voilà${N}; enfin${N}!`,
    );
    expect(frenchSpacing("« Business Day »")).toBe(`«${N}Business Day${N}»`);
    expect(frenchSpacing("«Business Day»")).toBe(`«${N}Business Day${N}»`);
  });

  it("adds the space where it was forgotten, but leaves times and URLs alone", () => {
    expect(frenchSpacing("Vraiment? Oui!")).toBe(`Vraiment${N}? Oui${N}!`);
    expect(frenchSpacing("à 13:00, voir https://example.org/?q=1")).toBe("à 13:00, voir https://example.org/?q=1");
  });

  it("holds the h of an hour to its figures with narrow no-break spaces: 13 h, 15 h 15, whatever was typed", () => {
    expect(frenchSpacing("de 13 h à 15h15, puis 17 h 00")).toBe(`de 13${N}h à 15${N}h${N}15, puis 17${N}h${N}00`);
    expect(frenchSpacing("le 1er hiver, 2025 hommes, h2")).toBe("le 1er hiver, 2025 hommes, h2");
  });

  it("is idempotent", () => {
    const once = frenchSpacing("Quoi ? « Oui » : non !");
    expect(frenchSpacing(once)).toBe(once);
  });

  it("applies to French only; apostrophes become typographic in every language", () => {
    expect(typeset("L'IA : pourquoi ?", "fr")).toBe(`L’IA${N}: pourquoi${N}?`);
    expect(typeset("AI's hunger: why?", "en")).toBe("AI’s hunger: why?");
  });
});

describe("typography in Markdown", () => {
  it("typesets French text", () => {
    expect(render("Peut-on réguler l'IA ?")).toBe(`<p>Peut-on réguler l’IA${N}?</p>\n`);
    expect(render('Une "opportunité économique" ?')).toBe(`<p>Une «${N}opportunité économique${N}»${N}?</p>\n`);
  });

  it("never touches code, URLs or HTML attributes", () => {
    expect(render("Le code `a ? b : c` reste tel quel.")).toContain("<code>a ? b : c</code>");
    expect(render("```\nx = a ? b : c\n```")).toContain("x = a ? b : c");
    expect(render('<abbr title="Question : oui ?">Q</abbr> ?')).toContain('title="Question : oui ?"');
    expect(render("Voir https://example.org/a?b=c:d !")).toBe(
      `<p>Voir <a href="https://example.org/a?b=c:d" rel="noopener">https://example.org/a?b=c:d</a>${N}!</p>\n`,
    );
    expect(render('[lien](https://example.org/?x=1 "Titre : oui")')).toContain('title="Titre : oui"');
  });

  it("leaves English spacing alone", () => {
    expect(render("Can AI be regulated? Yes: no.", "en")).toBe("<p>Can AI be regulated? Yes: no.</p>\n");
  });
});

describe("Markdown", () => {
  it("gives headings anchors and external links rel=noopener", () => {
    const html = render(
      "## Le programme\n\n[source](https://antitechresistance.org/) et [ici](/fr/a/) et [soi](https://tract.example.org/fr/)",
    );
    expect(html).toContain('<h2 id="le-programme"><a class="header-anchor" href="#le-programme">');
    expect(html).toContain('<a href="https://antitechresistance.org/" rel="noopener">');
    expect(html).toContain('<a href="/fr/a/">');
    expect(html).toContain('<a href="https://tract.example.org/fr/">');
  });
});
