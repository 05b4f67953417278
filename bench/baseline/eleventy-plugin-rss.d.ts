// Type of the one export the baseline uses from @11ty/eleventy-plugin-rss, which ships no declarations.
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: (eleventyConfig: object, options?: object) => void;
  export default rssPlugin;
}
