/** A part of a summary's text: a paragraph, or a heading with its list of items. */
export type SummaryBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; heading: string; items: string[] };

/**
 * Splits a summary's plain text (paragraphs separated by blank lines; lists as "- " lines under a heading line)
 * into blocks the SPA renders as headings and lists instead of a block of dashes.
 */
export function summaryBlocks(text: string): SummaryBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((part) => part.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines): SummaryBlock => {
      const items = lines.filter((l) => /^\s*-\s+/.test(l)).map((l) => l.replace(/^\s*-\s+/, ''));
      if (!items.length) return { kind: 'paragraph', text: lines.join(' ') };
      const heading = lines
        .filter((l) => !/^\s*-\s+/.test(l))
        .join(' ')
        .trim();
      return { kind: 'list', heading, items };
    });
}

/** Whether a list item is urgent (the local summariser starts those with "Urgent:" or "URGENT:"). */
export function isUrgentItem(item: string): boolean {
  return /^urgent:/i.test(item);
}
