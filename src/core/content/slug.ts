// Slugs for URLs, tags and heading anchors, the same rules everywhere ("Énergie & climat" → "energie-climat").
import slugifyLibrary from "@sindresorhus/slugify";

export function slugify(text: string): string {
  return slugifyLibrary(text, { decamelize: false });
}
