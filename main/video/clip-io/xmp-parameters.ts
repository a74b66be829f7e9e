/**
 * Parameters in an XMP packet (animated WebP carries XMP; sharp writes it with `withXmp` and reads
 * it back as `xmpAsString`), in Atelier's own namespace so other XMP fields are never mistaken for them.
 */

const NAMESPACE = "urn:atelier:clip:1";
const ELEMENT = "atelier:parameters";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

/** An XMP packet holding `text` in atelier:parameters. */
export function parametersXmp(text: string): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:atelier="${NAMESPACE}">`,
    `<${ELEMENT}>${escapeXml(text)}</${ELEMENT}>`,
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** The atelier:parameters text of an XMP packet, if it has one in Atelier's namespace. */
export function parametersFromXmp(xmp: string | undefined): string | undefined {
  if (!xmp?.includes(NAMESPACE)) return undefined;
  const match = new RegExp(`<${ELEMENT}>([\\s\\S]*?)</${ELEMENT}>`).exec(xmp);
  return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
}
