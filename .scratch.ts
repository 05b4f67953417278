import { launchChromium, serveSite } from "./tests/helpers/browser.ts";
const server = await serveSite(process.argv[2]!);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 320, height: 568 } });
await page.goto(`${server.url}${process.argv[3]}`);
console.log(await page.evaluate(() => {
  const out: string[] = [];
  for (const el of document.querySelectorAll("dl, dt, dd, .site-header, .site-title, .language-switcher, .site-nav")) {
    const b = el.getBoundingClientRect();
    out.push(`${el.tagName}.${el.className} ${Math.round(b.left)}-${Math.round(b.right)} h${Math.round(b.height)} ${el.textContent?.trim().slice(0, 30)}`);
  }
  return out.slice(0, 30).join("\n");
}));
await browser.close(); await server.close();
