// What features hand to others for sending and following: a post made into a document, a way to follow the site.

/** A post made into a document to send or hand out, in its language, framed as its kind frames it (a press release's dateline, "about us" and contacts). */
export interface PostDocument {
  /** The whole document as plain text. */
  text: string;
  /** The same as an HTML fragment, with absolute links. */
  html: string;
  /** Files made from it to go with it (its PDF…). */
  files: { name: string; type: string; data: Buffer }[];
}

export interface DocumentOptions {
  /** A line every form of the document opens with (an embargo notice, in the post's language). */
  notice?: string | undefined;
}

/** A way to follow the site in one language (its feed, the page explaining feeds), offered where readers are invited to. */
export interface FollowLink {
  /** What it is, in the edition's language, e.g. "Atom feed". */
  text: string;
  /** Absolute address. */
  url: string;
}
