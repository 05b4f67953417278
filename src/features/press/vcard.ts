// Press contacts as vCard 4.0 (RFC 6350): UID and N, escaped values, lines folded at 75 octets, CRLF line ends, UTF-8.

export interface CardContact {
  /** The card's lasting identity (§6.7.6), a urn:uuid: the same in every language and build, so address books update it. */
  uid: string;
  name: string;
  /** The family name, and the given names, for N (§6.2.2): address books sort and merge by them. */
  familyName: string;
  givenNames: string;
  role: string;
  organisation: string;
  email: string;
  /** International number as written, e.g. +33 1 99 00 12 34. */
  phone: string;
  /** Languages spoken, most fluent first (language codes). */
  languages: string[];
  url: string;
}

const CRLF = "\r\n";
const LINE_OCTETS = 75;

/**
 * RFC 6350 §3.3–3.4: backslash, comma and newline are escaped in text values; a semicolon too in a
 * field of a compound property (ORG, whose fields it separates), and only there (the TEXT grammar has no "\;").
 */
export function escapeText(value: string, compound = false): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
  return compound ? escaped.replace(/;/g, "\\;") : escaped;
}

/** RFC 6350 §3.2: a line longer than 75 octets continues on the next, which starts with one space; a UTF-8 character is never split. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    const limit = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A phone number as a tel: URI (RFC 3966): spaces become the visual separator "-". */
export function telUri(phone: string): string {
  return `tel:${phone
    .trim()
    .replace(/[\s().]+/g, "-")
    .replace(/-+/g, "-")}`;
}

export function vCard(contact: CardContact): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    "KIND:individual",
    `UID:${contact.uid}`,
    `FN:${escapeText(contact.name)}`,
    `N:${escapeText(contact.familyName, true)};${escapeText(contact.givenNames, true)};;;`,
    `ORG:${escapeText(contact.organisation, true)}`,
    `TITLE:${escapeText(contact.role)}`,
    `EMAIL;TYPE=work:${escapeText(contact.email)}`,
    // Two types, as a list of values (§5.6): quoted, "work,voice" is one unknown type to strict readers (vobject, khard).
    `TEL;VALUE=uri;TYPE=work,voice:${telUri(contact.phone)}`,
    ...contact.languages.map((lang, index) => `LANG;PREF=${index + 1}:${lang}`),
    `URL:${contact.url}`,
    "END:VCARD",
  ];
  return lines.map((line) => foldLine(line) + CRLF).join("");
}

/** Several cards in one file, as address books import them. */
export function vCards(contacts: CardContact[]): string {
  return contacts.map(vCard).join("");
}
