// The HTML minification tract applies (html-minifier-terser): whitespace collapsed conservatively, comments removed, nothing else rewritten.
export const MINIFY_OPTIONS = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  decodeEntities: false,
  sortAttributes: false,
} as const;
