/** A message's subject and bodies, plain text and HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const PRODUCT_NAME = 'CloudVault';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text (a user's name, a link) for HTML content and attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The shared HTML frame: product name, the paragraphs (already escaped), an optional button. */
export function htmlLayout(paragraphs: string[], action?: { label: string; url: string }): string {
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>`
    : '';
  return [
    '<!doctype html><html><body style="font-family:sans-serif;color:#1b1b1b;max-width:560px">',
    `<h1 style="font-size:20px">${PRODUCT_NAME}</h1>`,
    ...paragraphs.map((p) => `<p>${p}</p>`),
    button,
    `<p style="color:#666;font-size:12px">This message was sent by ${PRODUCT_NAME}. Please do not reply.</p>`,
    '</body></html>',
  ].join('\n');
}
