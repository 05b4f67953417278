// Renders every view of the site model through the base layout and writes it, page after page, with nothing kept in memory.
import path from "node:path";
import type { SiteModel } from "../model/site-model.ts";
import type { View } from "../model/types.ts";
import { mapWithConcurrency } from "../build/concurrency.ts";
import { HeapWatch } from "../build/memory.ts";

/** The part of a Nunjucks environment used here: Eleventy's own, with tract's filters. */
export interface TemplateRenderer {
  render(name: string, context: object): string;
}

const LAYOUT = "layouts/base.njk";
/** Pages being written at a time: rendering is synchronous, so this only bounds the writes in flight. */
const IN_FLIGHT = 32;

/** Where a view's page is written: /fr/ → fr/index.html, /fr/404.html as it is. */
export function outputFile(outputDir: string, view: Pick<View, "url">): string {
  const relative = decodeURI(view.url).replace(/^\//, "");
  return path.join(outputDir, relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative);
}

/**
 * Every page, rendered once and written at once. Eleventy's own pagination keeps each page's output and
 * per-page template state until the build ends: at thousands of pages, that doubled the build's memory.
 */
export async function writeViews(views: View[], model: SiteModel, renderer: TemplateRenderer, outputDir: string, write: (file: string, content: Buffer) => Promise<void>): Promise<void> {
  const heap = new HeapWatch();
  await mapWithConcurrency(views, IN_FLIGHT, async (view) => {
    heap.collectIfGrown();
    const html = renderer.render(LAYOUT, { tract: model, view });
    await write(outputFile(outputDir, view), Buffer.from(html, "utf8"));
  });
}
