// tract's Eleventy configuration, a table of contents: the features the site is built with, one line each, in the order their pages are listed.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import tract from "./src/core/eleventy/plugin.ts";
import blog from "./src/features/blog/feature.ts";
import events from "./src/features/events/feature.ts";
import rebuttals from "./src/features/rebuttals/feature.ts";
import press from "./src/features/press/feature.ts";
import feeds from "./src/features/feeds/feature.ts";
import redirects from "./src/features/redirects/feature.ts";
import meta from "./src/features/meta/feature.ts";
import assets from "./src/features/assets/feature.ts";
import mail from "./src/features/mail/feature.ts";
import navigation from "./src/features/navigation/feature.ts";
import pictures from "./src/features/pictures/feature.ts";
import search from "./src/features/search/feature.ts";

/** Read by `npm run build`, `check`, `new` and the tests too: adding a feature is one line here. */
export const features = [
  blog,
  events,
  rebuttals,
  press,
  feeds,
  redirects,
  meta,
  assets,
  mail,
  navigation,
  pictures,
  search,
];

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(tract, { features });
}

export const config = {
  // No `output` here: `npm run build` passes its release folder, and a configured one would win over it.
  dir: { input: ".", includes: "_includes", data: "_data" },
  // Every page comes from the site model (src/core/render), never from a template file of the project.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
