// Share links that need no script and load nothing: e-mail, a text to post on the reader's Mastodon server, the page's address, no tracking parameter.
import type { SiteModel } from "../../core/contract.ts";
import type { View } from "../../core/model/types.ts";

export interface ShareLinks {
  /** The page's canonical address, exactly: no campaign or tracking parameter is ever added. */
  url: string;
  /** `mailto:` with the title as subject and the description and address as body, for the reader's own mail program. */
  email: string;
  /** What to post: the title and the address, and the collective's account when the site names one. */
  text: string;
  /** The share page of the collective's own Mastodon server, for readers whose account is there. */
  server?: { name: string; url: string } | undefined;
}

/** `@collectif@mastodon.example` → its name and server. */
export function fediverseAccount(handle: string): { name: string; server: string; profile: string } {
  const [, name = "", server = ""] = handle.split("@");
  return { name, server, profile: `https://${server}/@${name}` };
}

export function shareLinks(view: View, model: SiteModel): ShareLinks {
  const url = model.absoluteUrl(view.url);
  const account = model.site.mastodon ? fediverseAccount(model.site.mastodon) : undefined;
  const text = account ? `${view.title} ${url} via ${model.site.mastodon}` : `${view.title} ${url}`;
  const email = `mailto:?subject=${encodeURIComponent(view.title)}&body=${encodeURIComponent(`${view.description}\n\n${url}`)}`;
  return {
    url,
    email,
    text,
    server: account && {
      name: account.server,
      url: `https://${account.server}/share?text=${encodeURIComponent(text)}`,
    },
  };
}
