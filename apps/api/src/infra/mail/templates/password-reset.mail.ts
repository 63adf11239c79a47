import { escapeHtml, htmlLayout, PRODUCT_NAME, type RenderedMail } from './rendered-mail';

/** The reset link email: the recipient's name and the link, nothing else about the account. */
export function passwordResetMail(name: string, link: string, validMinutes: number): RenderedMail {
  const intro = `Someone (hopefully you) asked to reset the password of your ${PRODUCT_NAME} account.`;
  const validity = `The link works once, for ${validMinutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.`;
  return {
    subject: `Reset your ${PRODUCT_NAME} password`,
    text: [
      `Hello ${name},`,
      '',
      intro,
      '',
      `Choose a new password: ${link}`,
      '',
      validity,
      '',
      `— ${PRODUCT_NAME}`,
    ].join('\n'),
    html: htmlLayout([`Hello ${escapeHtml(name)},`, escapeHtml(intro), escapeHtml(validity)], {
      label: 'Choose a new password',
      url: link,
    }),
  };
}
