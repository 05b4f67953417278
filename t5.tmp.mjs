import satori from "satori";
import sharp from "sharp";
import { readFileSync, writeFileSync } from "fs";
const bold = readFileSync("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const regular = readFileSync("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const logo = "data:image/svg+xml;base64," + readFileSync("assets/press/logo.svg").toString("base64");
const el = (type, style, children, extra={}) => ({ type, props: { style, children, ...extra } });
const title = process.argv[2];
const size = 54;
const tree = el("div", { width: 1200, height: 630, display: "flex", background: "#fdfcf8", color: "#1d1d1b", fontFamily: "DejaVu Sans" }, [
  el("div", { width: 28, height: 630, background: "#9b1c1c" }, []),
  el("div", { display: "flex", flexDirection: "column", flexGrow: 1, padding: "56px 72px 48px 64px" }, [
    el("div", { display: "flex", alignItems: "center" }, [el("img", {width: 88, height: 88, marginRight: 28}, undefined, {src: logo, width: 88, height: 88}), el("div", {fontSize: 34, fontWeight: 700}, "Contre l’IA et son monde")]),
    el("div", { display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }, [
      el("div", { fontSize: 26, fontWeight: 700, color: "#55554f", textTransform: "uppercase", letterSpacing: 1, marginBottom: 16 }, "Annonce"),
      el("div", { display: "block", fontSize: size, fontWeight: 700, lineHeight: 1.18, lineClamp: 4 }, title)]),
    el("div", { display: "flex", justifyContent: "space-between", fontSize: 26, color: "#55554f", borderTop: "2px solid #d6d3c8", paddingTop: 20 }, [el("div",{},"tract.example.org"), el("div",{},"Français")]),
  ]),
]);
const svg = await satori(tree, { width: 1200, height: 630, fonts: [{ name: "DejaVu Sans", data: regular, weight: 400 }, { name: "DejaVu Sans", data: bold, weight: 700 }] });
const png = await sharp(Buffer.from(svg)).png().toBuffer();
writeFileSync("/tmp/i15exp/card2.png", png);
