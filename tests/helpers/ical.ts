// Test helpers: an iCalendar file read with ical.js (a maintained parser), and RFC 5545's rules for lines checked on the raw text.
import ICAL from "ical.js";

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: InstanceType<typeof ICAL.Time>;
  end: InstanceType<typeof ICAL.Time> | null;
  stamp: string;
  description: string;
}

export function parseCalendar(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      end: vevent.hasProperty("dtend") ? event.endDate : null,
      stamp: String(vevent.getFirstPropertyValue("dtstamp")),
      description: event.description,
    };
  });
}

/** Lines that break RFC 5545 §3.1: every line ends with CRLF (no bare LF or CR), and none is longer than 75 octets. */
export function lineProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("does not end with CRLF");
  if (/[^\r]\n|\r(?!\n)/.test(text)) problems.push("has a line break that is not CRLF");
  text.split("\r\n").forEach((line, index) => {
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) problems.push(`line ${index + 1} is ${octets} octets long: ${line}`);
  });
  return problems;
}
