// The baseline's Nunjucks templates, registered as virtual templates: as .njk files in the repository, tract's own build (input ".") would publish them.

/** The one layout: a post page. */
export const POST_LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<meta name="description" content="{{ description }}">
<link rel="alternate" type="application/atom+xml" href="/feed.xml">
</head>
<body>
<main>
<article>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date | dateToRfc3339 }}">{{ page.date | dateToRfc3339 }}</time> · {{ tags | join(", ") }}</p>
{{ content | safe }}
</article>
</main>
</body>
</html>
`;

/** The one feed: Atom, the newest posts, with @11ty/eleventy-plugin-rss filters. */
export const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Baseline feed</title>
  <link href="{{ '/feed.xml' | absoluteUrl(siteUrl) }}" rel="self"/>
  <link href="{{ siteUrl }}/"/>
  <updated>{{ collections.feedEntries | getNewestCollectionItemDate | dateToRfc3339 }}</updated>
  <id>{{ siteUrl }}/</id>
  {%- for post in collections.feedEntries %}
  {%- set absolutePostUrl = post.url | absoluteUrl(siteUrl) %}
  <entry xml:lang="{{ post.data.lang }}">
    <title>{{ post.data.title }}</title>
    <link href="{{ absolutePostUrl }}"/>
    <updated>{{ post.date | dateToRfc3339 }}</updated>
    <id>{{ absolutePostUrl }}</id>
    <summary>{{ post.data.description }}</summary>
    <content type="html">{{ post.templateContent | htmlToAbsoluteUrls(absolutePostUrl) }}</content>
  </entry>
  {%- endfor %}
</feed>
`;
