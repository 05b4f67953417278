// Old addresses (aliases) are plain paths of the site: nothing that leads out of the output, names a file of the site or takes one of its addresses.
import { describe, expect, it } from "vitest";
import { aliasProblem } from "../../src/features/redirects/aliases.ts";
import { errorLines, postSource } from "../helpers/fixture.ts";

const EXPECTED = "expected an old address of the site, e.g. /fr/ancien-titre/ or /blog/2019/ancien-titre.html";

describe("an alias", () => {
  it("may be a folder address, a page file of an old site, in any script, up to 200 characters", () => {
    const long = `/fr/${"a".repeat(195)}/`;
    expect(long).toHaveLength(200);
    for (const alias of [
      "/fr/ancien-titre/",
      "/blog/2019/Ancien_Titre.html",
      "/vieux.htm",
      "/fr/écologie/",
      "/~collectif/",
      "/ar/مدونة/",
      long,
    ])
      expect(aliasProblem(alias), alias).toBeUndefined();
    const tooLong = `/fr/${"a".repeat(196)}/`;
    expect(String(aliasProblem(tooLong))).toBe(`"${tooLong}" is 201 characters long (expected at most 200 characters)`);
  });

  it("is refused with what was found and the fix", () => {
    const cases: Record<string, string> = {
      "/../../../../outside/victim.txt":
        "holds a .. part (expected an address without . or .. parts, which would lead out of the site)",
      "/fr/./x/": "holds a . part (expected an address without . or .. parts, which would lead out of the site)",
      "/%2e%2e/x":
        "holds a % (an encoded character such as %2e, %2f or %C3%A9) (expected the address decoded, e.g. /fr/écologie/ for /fr/%C3%A9cologie/; encoded dots and slashes are refused)",
      "/fr%2fx/":
        "holds a % (an encoded character such as %2e, %2f or %C3%A9) (expected the address decoded, e.g. /fr/écologie/ for /fr/%C3%A9cologie/; encoded dots and slashes are refused)",
      "/..%5c../x/":
        "holds a % (an encoded character such as %2e, %2f or %C3%A9) (expected the address decoded, e.g. /fr/écologie/ for /fr/%C3%A9cologie/; encoded dots and slashes are refused)",
      "/..\\..\\x/": "holds a backslash (expected slashes (/) between the parts of the address)",
      "/.env/": 'holds the part ".env", a hidden file name (expected parts that do not start with a dot)',
      "/fr/.git/config.html": 'holds the part ".git", a hidden file name (expected parts that do not start with a dot)',
      "/fr/a\u0000b/": `holds a control character (${EXPECTED})`,
      "/fr/a\nb/": `holds a control character (${EXPECTED})`,
      '/fr/"x"/': "holds a space or a quote (expected letters, digits, -, _, . and ~ between the slashes)",
      "/fr/l'ia/": "holds a space or a quote (expected letters, digits, -, _, . and ~ between the slashes)",
      "/fr/ancien titre/": "holds a space or a quote (expected letters, digits, -, _, . and ~ between the slashes)",
      "/fr/x/?p=12": "holds a query or a fragment (? or #) (expected the path alone: servers redirect by path)",
      "/fr/x/#haut": "holds a query or a fragment (? or #) (expected the path alone: servers redirect by path)",
      "fr/ancien/": "is not an address from the site's root (expected it to start with /, e.g. /fr/ancien-titre/)",
      "https://example.org/x/":
        "is not an address from the site's root (expected it to start with /, e.g. /fr/ancien-titre/)",
      "//evil.example/": "holds an empty part (//) (expected one / between two parts)",
      "/": "is the site's root (expected the old address of one post or page)",
      "/_server/redirects.map":
        "is in /_server/, which holds the site's own files (expected an address outside /_server/ and /assets/)",
      "/_server/":
        "is in /_server/, which holds the site's own files (expected an address outside /_server/ and /assets/)",
      "/Assets/css/":
        "is in /assets/, which holds the site's own files (expected an address outside /_server/ and /assets/)",
      "/404.html": "is a file of the site itself (expected an address the site does not use)",
      "/index.html": "is a file of the site itself (expected an address the site does not use)",
      "/sitemap.xml": "is a file of the site itself (expected an address the site does not use)",
      "/robots.txt": "is a file of the site itself (expected an address the site does not use)",
      "/_redirects": "is a file of the site itself (expected an address the site does not use)",
      "/fr/rss.xml":
        "ends with neither / nor .html (expected a folder address ending with /, e.g. /fr/ancien-titre/, or a page file ending with .html or .htm)",
      "/fr/ancien":
        "ends with neither / nor .html (expected a folder address ending with /, e.g. /fr/ancien-titre/, or a page file ending with .html or .htm)",
      "/fr/<script>/":
        'holds a character addresses of tract cannot use in "<script>" (expected letters, digits, -, _, . and ~ between the slashes)',
      "/fr/a\u200Fb/":
        'holds a character addresses of tract cannot use in "a\u200Fb" (expected letters, digits, -, _, . and ~ between the slashes)',
    };
    for (const [alias, problem] of Object.entries(cases))
      expect(String(aliasProblem(alias)), alias).toBe(`${JSON.stringify(alias)} ${problem}`);
  });
});

describe("aliases in the site model", () => {
  const withAliases = (aliases: string[], tags = "[énergie]") => ({
    "posts/fr/billet.md": postSource({ translationKey: "billet", tags, aliases: JSON.stringify(aliases) }),
    "_data/events/contre-sommet.yaml":
      "title: Contre-sommet\ndescription: Un après-midi.\nstart: 2025-02-08T13:00\nupdated: 2025-01-27\nplace: { locality: Paris }\nsessions:\n  - { start: 2025-02-08T13:00, id: ouverture, title: Ouverture }\n",
  });

  it("names the file and the field for an alias that is a page or a file of the site", async () => {
    const taken = [
      "/fr/404.html",
      "/fr/sujets/energie/",
      "/fr/agenda/contre-sommet/",
      "/fr/agenda/contre-sommet/sessions/ouverture.ics/",
      "/fr/feed.xml/",
      "/fr/billets/index.html",
      "/fr/presse/contacts.vcf/",
      "/fr/index.html/ancien/",
    ];
    expect(await errorLines(withAliases(taken))).toEqual([
      "posts/fr/billet.md:7: aliases: URL /fr/404.html is a page of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/sujets/energie/ is a page of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/agenda/contre-sommet/ is a page of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/agenda/contre-sommet/sessions/ouverture.ics/ is answered as /fr/agenda/contre-sommet/sessions/ouverture.ics, a file of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/feed.xml/ is answered as /fr/feed.xml, a file of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/billets/index.html is answered as /fr/billets/, a page of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/presse/contacts.vcf/ is answered as /fr/presse/contacts.vcf, a file of the site itself (expected an address the site does not use)",
      "posts/fr/billet.md:7: aliases: URL /fr/index.html/ancien/ needs a folder named like /fr/, a page of the site itself (expected an address the site does not use)",
    ]);
  });

  it("refuses the topic page of a post still under embargo, which a later build would publish", async () => {
    const files = {
      ...withAliases(["/fr/sujets/a-venir/"]),
      "posts/fr/secret.md": postSource({
        translationKey: "secret",
        tags: "[à venir]",
        embargo: "2030-01-01T09:00+01:00",
      }),
    };
    expect(await errorLines(files)).toEqual([
      "posts/fr/billet.md:7: aliases: URL /fr/sujets/a-venir/ is a topic page of the site (expected an address the site does not use)",
    ]);
  });

  it("counts /x/, /x and /x/index.html as one address between posts", async () => {
    expect(
      await errorLines({
        "posts/fr/a.md": postSource({ translationKey: "a", aliases: "[/fr/ancien/]" }),
        "posts/fr/b.md": postSource({ translationKey: "b", aliases: "[/fr/ancien/index.html]" }),
      }),
    ).toEqual([
      "posts/fr/b.md:6: aliases: URL /fr/ancien/index.html is already used by posts/fr/a.md (expected an old address that no other page uses)",
    ]);
  });

  it("accepts aliases that take nothing", async () => {
    expect(
      await errorLines(withAliases(["/fr/ancien-billet/", "/blog/2019/ancien-billet.html", `/fr/${"b".repeat(195)}/`])),
    ).toEqual([]);
  });
});
