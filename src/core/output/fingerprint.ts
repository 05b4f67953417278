// What an output is made from, as one hash: the values it reads (a view, a feed, an event…) with posts by revision or, in a page's lists, by their listing, so that an unchanged output is known without making it.
import { createHash } from "node:crypto";
import type { BuildMemo } from "../build/build-memo.ts";
import type { SiteModel } from "../contract.ts";
import type { Post, View } from "../model/types.ts";
import { isBuildContext } from "../context.ts";

/** An output's inputs hold the build context: a mistake of the feature, told rather than making the output at every build. */
export class ContextInInputs extends Error {}

function hash(data: string | Uint8Array): string {
  return createHash("sha1").update(data).digest("base64");
}

/** Rendered HTML and Markdown sources, by far the largest strings of the model: hashed once, and counted by their hash. */
const HASHED_TEXTS = new Set(["html", "body"]);

/** A post's text, and its links and images with their lines: what its own page, its feeds' entries and its files show. */
const TEXT_FIELDS = new Set(["html", "body", "references"]);

/**
 * The inputs of a page: the key of what its layout reads, and its view. A post the view holds itself (a post's page,
 * the home's featured post) counts whole; a post further in (an item of a list, a press release's post) counts by its
 * listing, everything but its text, since a list shows no post's text: an edit of the text re-makes the post's page
 * and not every list that shows it. A view type that reads more at render time (`viewData`, e.g. a PDF's size) sets
 * `wholePosts`, and every post counts whole.
 */
export class PageInputs {
  constructor(
    readonly layout: string,
    readonly view: View,
    readonly wholePosts: boolean,
  ) {}
}

/** How a post counts where it is met: everything it holds, what another post shows of it, what a list shows of it. */
type PostCount = "revision" | "summary" | "listing";

/**
 * Fingerprints of the values outputs are made from, for one build. A post counts by its revision (everything it holds),
 * a post inside another post by what others show of it, a post in a page's lists by its listing (see PageInputs); Maps
 * and Sets count as lists (JSON.stringify would write `{}`), binary data and long texts by their hash.
 */
export class InputFingerprints {
  private readonly posts: Set<object>;
  private readonly revisions = new WeakMap<object, string>();
  private readonly listings = new WeakMap<object, string>();
  private readonly binary = new WeakMap<Uint8Array, string>();
  private layoutKey: string | undefined;

  constructor(
    private readonly model: SiteModel,
    /** Kept for the session: the preview hashes the same texts at every rebuild. */
    private readonly texts: BuildMemo<string, string>,
  ) {
    this.posts = new Set(model.posts);
  }

  private value(key: string, original: unknown, value: unknown): unknown {
    if (isBuildContext(original))
      throw new ContextInInputs(
        `its inputs hold the build context (under "${key}"), which is new at every build, so it would be made at every build (expected the values it reads from it, or a toJSON that gives them)`,
      );
    if (original instanceof Uint8Array) {
      let known = this.binary.get(original);
      if (!known) this.binary.set(original, (known = hash(original)));
      return known;
    }
    if (HASHED_TEXTS.has(key) && typeof value === "string") return this.texts.get(value, () => hash(value));
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value];
    return value;
  }

  /** What a post shows of another (a link, an item of a list): enough to redraw either when the other changes. */
  private static summary(post: Post) {
    const { file, url, title, description, date, updated, kind, tags, draft, embargoed } = post;
    return { file, url, title, description, date, updated, kind, tags, draft, embargoed };
  }

  /**
   * The JSON replacer: a post met in a value counts as `count` says (a page's view counts the posts it holds itself
   * whole, see PageInputs); for the hash of a post (`own`), its own fields count, its text only when `withText`.
   * `this` of the returned function is the object holding the value, as JSON.stringify calls it.
   */
  private replacer(
    count: (post: Post, holder: object) => PostCount,
    own?: { post: Post; withText: boolean },
  ): (this: Record<string, unknown>, key: string, value: unknown) => unknown {
    const isPost = (value: unknown): value is Post => this.posts.has(value as object);
    const counted = (key: string, original: unknown, value: unknown) => this.value(key, original, value);
    const countPost = (post: Post, how: PostCount) =>
      how === "summary" ? InputFingerprints.summary(post) : this.postKey(post, how);
    return function (this: Record<string, unknown>, key: string, value: unknown) {
      if (own && (this as object) === own.post && !own.withText && TEXT_FIELDS.has(key)) return undefined;
      if (!isPost(value)) return counted(key, this[key], value);
      return own && key === "" ? counted(key, value, value) : countPost(value, count(value, this));
    };
  }

  /** The hash of a post, whole or as lists show it: its own fields, with the posts it holds by their summary. */
  private postKey(post: Post, how: "revision" | "listing"): string {
    const known = how === "revision" ? this.revisions : this.listings;
    let key = known.get(post);
    if (!key) {
      key = hash(
        JSON.stringify(
          post,
          this.replacer(() => "summary", { post, withText: how === "revision" }),
        ),
      );
      known.set(post, key);
    }
    return key;
  }

  /**
   * The hash of `value`, or undefined when it cannot be serialised (a cycle): the output is then always made. Throws
   * ContextInInputs when it holds the build context.
   */
  of(value: unknown): string | undefined {
    const count =
      value instanceof PageInputs && !value.wholePosts
        ? (_post: Post, holder: object): PostCount => (holder === value.view ? "revision" : "listing")
        : (): PostCount => "revision";
    try {
      return hash(JSON.stringify(value, this.replacer(count)) ?? "undefined");
    } catch (error) {
      if (error instanceof ContextInInputs) throw error;
      return undefined;
    }
  }

  /** What the layout of every page reads of the whole site: each edition's pages, feature data and topics, the site's feature data. */
  get layout(): string {
    this.layoutKey ??=
      this.of({
        editions: Object.values(this.model.editions).map((edition) => ({
          pages: edition.pages,
          ext: edition.ext,
          tags: edition.tags.map(({ name, slug, url }) => ({ name, slug, url })),
        })),
        ext: this.model.ext,
      }) ?? String(Math.random());
    return this.layoutKey;
  }
}
