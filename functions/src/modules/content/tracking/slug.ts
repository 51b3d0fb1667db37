// Slugs for UTM values and merge-field names: lower-case ASCII words joined by hyphens.

/** "The 2027 Buyer’s Guide: Intent Data" → "the-2027-buyers-guide-intent-data" (at most 60 characters; "" when nothing is left). */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
