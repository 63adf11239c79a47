import { escapeHtml, htmlLayout, PRODUCT_NAME, type RenderedMail } from './rendered-mail';

/** Confirmation after a reset: every session was signed out. */
export function passwordChangedMail(name: string, signInUrl: string): RenderedMail {
  const body = `The password of your ${PRODUCT_NAME} account was just reset, and every device was signed out.`;
  const warning = `If this was not you, reset your password again at once and contact your care team's administrator.`;
  return {
    subject: `Your ${PRODUCT_NAME} password was changed`,
    text: [`Hello ${name},`, '', body, '', warning, '', `Sign in: ${signInUrl}`, '', `— ${PRODUCT_NAME}`].join('\n'),
    html: htmlLayout([`Hello ${escapeHtml(name)},`, escapeHtml(body), escapeHtml(warning)], {
      label: 'Sign in',
      url: signInUrl,
    }),
  };
}
