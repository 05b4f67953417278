// The preview's rebuilds render only the pages whose data changed, so saving a post shows within a second on a big site.
import { createHash } from "node:crypto";
import path from "node:path";
import type { SiteModel } from "../contract.ts";
import type { Post, View } from "../model/types.ts";
import { CONTENT_FOLDERS } from "../content/load.ts";
import type { BuildMemo, BuildSession } from "../build/build-memo.ts";

/**
 * A page is a function of its view, of the posts the view refers to, and of what the layout reads from the
 * whole site (each language's about page, press room, topics and feeds). Two rebuilds giving the same
 * fingerprint render the same HTML, as long as nothing else changed: templates, data files, strings, styles
 * and code are outside the fingerprint, so a change to any of them makes the next rebuild render everything.
 */
export class PreviewRenders {
  private fingerprints = new Map<string, string>();
  /** What changed since pages were last rendered: everything is assumed changed until a first render. */
  private changed: "nothing" | "content" | "more" = "more";
  /** Rendered HTML and Markdown sources, by far the largest strings of the model, hashed once while they stay the same. */
  private readonly textHashes: BuildMemo<string, string>;
  /** Pictures are the same objects from build to build: hashed once. */
  private readonly binaryHashes = new WeakMap<Uint8Array, string>();

  constructor(session: BuildSession) {
    this.textHashes = session.memo("preview-text-hashes");
  }

  /**
   * Eleventy's list of the files that changed (`eleventy.beforeWatch`). It adds up until pages are rendered: a
   * template edited in a build that failed still makes the next successful build render every page.
   */
  filesChanged(files: string[]): void {
    const contentFolders = Object.values(CONTENT_FOLDERS).map((folder) => path.normalize(folder) + path.sep);
    const onlyContent =
      files.length > 0 &&
      files.every((file) => contentFolders.some((folder) => path.normalize(file).startsWith(folder)));
    if (!onlyContent) this.changed = "more";
    else if (this.changed === "nothing") this.changed = "content";
  }

  /**
   * How a value counts in a fingerprint: Maps and Sets as arrays (JSON.stringify would write `{}`), binary data
   * (pictures of the press room) and rendered HTML by their hash. `original` is the value before its toJSON,
   * read from the object holding it.
   */
  private jsonValue(key: string, original: unknown, value: unknown): unknown {
    if (original instanceof Uint8Array) {
      let known = this.binaryHashes.get(original);
      if (!known) this.binaryHashes.set(original, (known = hash(original)));
      return known;
    }
    if (HASHED_TEXTS.has(key) && typeof value === "string") return this.textHashes.get(value, () => hash(value));
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value];
    return value;
  }

  /** The views to render in this build (`isWritten`: whether the last build's page is still there); remembers every view's fingerprint for the next one. */
  viewsToRender(model: SiteModel, isWritten: (view: View) => boolean): View[] {
    const fingerprint = fingerprinter(model, (key, original, value) => this.jsonValue(key, original, value));
    const previous = this.fingerprints;
    this.fingerprints = new Map();
    const render: View[] = [];
    for (const view of model.views) {
      const current = fingerprint(view);
      if (current) this.fingerprints.set(view.url, current);
      if (this.changed === "more" || !current || previous.get(view.url) !== current || !isWritten(view))
        render.push(view);
    }
    this.changed = "nothing";
    return render;
  }
}

function hash(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("base64");
}

const HASHED_TEXTS = new Set(["html", "body"]);

type JsonValue = (key: string, original: unknown, value: unknown) => unknown;

/** A fingerprint per view, or undefined when one cannot be made (the view is then always rendered). */
function fingerprinter(model: SiteModel, jsonValue: JsonValue): (view: View) => string | undefined {
  const posts = new Set<object>(model.posts);
  const revisions = new WeakMap<object, string>();
  // What a post shows of another (a link, an item of a list): enough to redraw either when the other changes.
  const summary = (post: Post) => ({
    file: post.file,
    url: post.url,
    title: post.title,
    description: post.description,
    date: post.date,
    updated: post.updated,
    kind: post.kind,
    tags: post.tags,
    draft: post.draft,
    embargoed: post.embargoed,
  });
  const revision = (post: Post): string => {
    let known = revisions.get(post);
    if (!known) {
      known = hash(
        JSON.stringify(post, function (this: Record<string, unknown>, key: string, value: unknown) {
          return key !== "" && posts.has(value as object) ? summary(value as Post) : jsonValue(key, this[key], value);
        }),
      );
      revisions.set(post, known);
    }
    return known;
  };
  const withRevisions = function (this: Record<string, unknown>, key: string, value: unknown) {
    return posts.has(value as object) ? revision(value as Post) : jsonValue(key, this[key], value);
  };
  let site: string;
  try {
    site = hash(
      JSON.stringify(
        {
          editions: Object.values(model.editions).map((edition) => ({
            pages: edition.pages,
            ext: edition.ext,
            tags: edition.tags.map(({ name, slug, url }) => ({ name, slug, url })),
          })),
          // What the layout reads of the whole site (the feeds as pages announce them), posts by their revision.
          ext: model.ext,
        },
        withRevisions,
      ),
    );
  } catch {
    return () => undefined;
  }
  return (view) => {
    try {
      return hash(site + JSON.stringify(view, withRevisions));
    } catch {
      // A view that cannot be serialised (a cycle outside posts) is simply rendered every time.
      return undefined;
    }
  };
}
