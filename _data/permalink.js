// Eleventy run without tract's configuration (`npx @11ty/eleventy`) would publish every Markdown file of the project, drafts
// and README included: this global `permalink: false` makes such a run write nothing. tract's own builds never read it.
export default false;
