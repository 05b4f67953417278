// Checks _data/navigation.yaml against the site: sections that exist, pages that exist, a label in every language, declared languages.
import { type Problem, quote } from "../../core/content/problems.ts";
import type { Content } from "../../core/content/types.ts";
import { type Message, msg } from "../../core/i18n/message.ts";
import { type Label, type LinkSource, NAVIGATION_FILE, type NavigationSource } from "./schema.ts";

const error = (field: string, message: Message): Problem => ({
  file: NAVIGATION_FILE,
  field,
  message,
  severity: "error",
});

/** Sections are named under `paths:` in the strings files; `home` is the home page. */
export function sectionsOf(content: Content): string[] {
  const strings = content.strings.get(content.languages[0]?.code ?? "");
  const named = (strings?.keys() ?? []).filter((key) => key.startsWith("paths.")).map((key) => key.slice(6));
  return ["home", ...named];
}

function labelProblems(label: Label | undefined, field: string, codes: string[]): Problem[] {
  if (!label || typeof label === "string") return [];
  return Object.keys(label)
    .filter((code) => !codes.includes(code))
    .map((code) =>
      error(`${field}.${code}`, msg`${quote(code)} is not a declared language (expected one of ${codes.join(", ")})`),
    );
}

function linkProblems(link: LinkSource, field: string, content: Content, sections: string[]): Problem[] {
  const codes = content.languages.map((language) => language.code);
  const problems = labelProblems(link.label, `${field}.label`, codes);
  for (const code of link.languages ?? [])
    if (!codes.includes(code))
      problems.push(
        error(
          `${field}.languages`,
          msg`${quote(code)} is not a declared language (expected one of ${codes.join(", ")})`,
        ),
      );
  if (link.section && !sections.includes(link.section))
    problems.push(
      error(
        `${field}.section`,
        msg`${quote(link.section)} is not a section of the site (expected one of ${sections.join(", ")})`,
      ),
    );
  else if (link.section && !link.label)
    for (const [code, strings] of content.strings)
      if (!strings.has(`nav.${link.section}`))
        problems.push(
          error(
            `${field}.label`,
            msg`missing: _data/strings/${code}.yaml has no nav.${link.section} (expected label: { ${code}: … } here, or nav.${link.section} in that strings file)`,
          ),
        );
  const pages = [...new Set(content.pages.map((page) => page.translationKey))];
  if (link.page && !pages.includes(link.page))
    problems.push(
      error(
        `${field}.page`,
        pages.length
          ? msg`${quote(link.page)} is not the translationKey of any page (expected one of the pages in pages/: ${pages.join(", ")})`
          : msg`${quote(link.page)} is not the translationKey of any page (expected a page in pages/: there is none yet)`,
      ),
    );
  return problems;
}

export function checkNavigation(source: NavigationSource, content: Content): Problem[] {
  const sections = sectionsOf(content);
  const codes = content.languages.map((language) => language.code);
  const lists: [string, LinkSource[]][] = [
    ["menu", source.menu],
    ["footer", source.footer],
    ["callToAction.links", source.callToAction?.links ?? []],
  ];
  return [
    ...labelProblems(source.callToAction?.text, "callToAction.text", codes),
    ...lists.flatMap(([name, links]) =>
      links.flatMap((link, index) => linkProblems(link, `${name}.${index}`, content, sections)),
    ),
  ];
}
