// SVG as the site publishes it: parsed and written back by svgo with only what draws the picture (no editor data, XMP, comments).
import type { CustomPlugin, PluginConfig, XastChild, XastElement, XastParent } from "svgo";

const SVG = "http://www.w3.org/2000/svg";
const XML = "http://www.w3.org/XML/1998/namespace";
/** Namespaces whose attributes SVG itself uses (xlink:href, xml:space, xml:lang). */
const DRAWING_ATTRIBUTE_NAMESPACES = new Set([SVG, XML, "http://www.w3.org/1999/xlink"]);

/** The namespace a qualified name is in: its prefix looked up in the declarations in scope (innermost first). */
function namespaceOf(name: string, scopes: Map<string, string>[], isElement: boolean): string | undefined {
  const colon = name.indexOf(":");
  if (colon < 0 && !isElement) return SVG;
  const prefix = colon < 0 ? "" : name.slice(0, colon);
  if (prefix === "xml") return XML;
  for (let index = scopes.length - 1; index >= 0; index--)
    if (scopes[index]!.has(prefix)) return scopes[index]!.get(prefix);
  // A file that declares no namespace at all is still meant as SVG (librsvg draws it so).
  return prefix === "" ? SVG : undefined;
}

function detach(node: XastChild, parent: XastParent): void {
  parent.children = parent.children.filter((child) => child !== node);
}

function declarations(node: XastElement): Map<string, string> {
  const scope = new Map<string, string>();
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name === "xmlns") scope.set("", value);
    else if (name.startsWith("xmlns:")) scope.set(name.slice("xmlns:".length), value);
  }
  return scope;
}

/**
 * svgo's editor plugin knows the namespaces declared on the root only, and listed ones: XMP (`x:xmpmeta`) or RDF
 * declared where it is used, a packet's `<?xpacket?>`, and any editor's attributes would stay. This keeps elements
 * in the SVG namespace (and what `<foreignObject>` draws), attributes of SVG, XLink and XML, and nothing else.
 */
const keepOnlyDrawing: CustomPlugin = {
  name: "keepOnlyDrawing",
  fn: () => {
    const scopes: Map<string, string>[] = [];
    let foreignObject: XastElement | undefined;
    return {
      instruction: { enter: detach },
      element: {
        enter: (node, parent) => {
          scopes.push(declarations(node));
          if (foreignObject) return;
          if (namespaceOf(node.name, scopes, true) !== SVG) {
            detach(node, parent);
            return;
          }
          if (node.name === "foreignObject") foreignObject = node;
          for (const name of Object.keys(node.attributes)) {
            const declared = name === "xmlns" || name.startsWith("xmlns:") ? node.attributes[name] : undefined;
            const kept =
              declared !== undefined
                ? DRAWING_ATTRIBUTE_NAMESPACES.has(declared)
                : DRAWING_ATTRIBUTE_NAMESPACES.has(namespaceOf(name, scopes, false) ?? "");
            if (!kept) delete node.attributes[name];
          }
        },
        exit: (node) => {
          scopes.pop();
          if (node === foreignObject) foreignObject = undefined;
        },
      },
    };
  },
};

/** Chosen one by one rather than preset-default, whose plugins rewrite paths, numbers and colours: the drawing stays as drawn. */
const PLUGINS: PluginConfig[] = [
  "removeDoctype",
  "removeXMLProcInst",
  // Even `<!--! … -->` comments, which svgo keeps by default as licence notices: they also hold names.
  { name: "removeComments", params: { preservePatterns: false } },
  "removeMetadata",
  { name: "removeEditorsNSData", params: { additionalNamespaces: ["adobe:ns:meta/", "http://ns.adobe.com/xap/1.0/"] } },
  keepOnlyDrawing,
  "removeUnusedNS",
];

/** A picture embedded in the SVG (Inkscape's "embed"), which keeps the EXIF and GPS data of the photo it was. */
const EMBEDDED_PICTURE = /^data:image\/(?!svg)[\w.+-]+;base64,/i;
const LINK_ATTRIBUTES = ["href", "xlink:href"];

/** Calls `visit` with each embedded picture's attribute, which it may rewrite. */
function embeddedPictures(visit: (node: XastElement, attribute: string) => void): CustomPlugin {
  return {
    name: "embeddedPictures",
    fn: () => ({
      element: {
        enter: (node) =>
          LINK_ATTRIBUTES.filter((name) => EMBEDDED_PICTURE.test(node.attributes[name] ?? "")).forEach((name) =>
            visit(node, name),
          ),
      },
    }),
  };
}

/**
 * The SVG without its editor's data, its embedded pictures replaced by what `cleanPicture` makes of them (a data
 * URI's bytes → the same picture without metadata, and its MIME type). Throws svgo's parser error (with line and
 * column) for a file that is not well-formed XML.
 */
export async function cleanSvg(
  svg: string,
  cleanPicture: (data: Buffer) => Promise<{ data: Buffer; mime: string }>,
): Promise<string> {
  const { optimize } = await import("svgo");
  const embedded = new Set<string>();
  const cleaned = optimize(svg, {
    plugins: [...PLUGINS, embeddedPictures((node, name) => embedded.add(node.attributes[name]!))],
  }).data;
  if (embedded.size === 0) return cleaned;
  const replacements = new Map<string, string>();
  for (const uri of embedded) {
    const picture = await cleanPicture(Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64"));
    replacements.set(uri, `data:${picture.mime};base64,${picture.data.toString("base64")}`);
  }
  return optimize(cleaned, {
    plugins: [embeddedPictures((node, name) => (node.attributes[name] = replacements.get(node.attributes[name]!)!))],
  }).data;
}
