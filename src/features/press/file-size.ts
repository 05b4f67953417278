// File sizes for readers, in decimal units of their locale: "1,2 Mo", "1.2 MB", "350 kB", "250 bytes".
export function formatFileSize(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1e6 ? ["megabyte", bytes / 1e6] : bytes >= 1e3 ? ["kilobyte", bytes / 1e3] : ["byte", bytes];
  // Bytes in full: the short form is "byte" whatever the number in English.
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
