/** A one-time sign-in link, to be emailed to the person it signs in. */
export interface SignInMail {
  to: string;
  name: string;
  tenantName: string;
  link: string;
  minutes: number;
}

/** Sends sign-in links (at once, not through the outbox: the link is a secret and short-lived). */
export interface SignInMailer {
  send(mail: SignInMail): Promise<void>;
}

/** The email's words, the same whichever service sends it. */
export function signInMailText(mail: SignInMail): { subject: string; text: string } {
  return {
    subject: `Your Compliance OS sign-in link (${mail.tenantName})`,
    text: [
      `Hello ${mail.name},`,
      '',
      `Open this link to sign in to Compliance OS for ${mail.tenantName}. It works once, within ${mail.minutes} minutes:`,
      mail.link,
      '',
      'If you did not ask for it, ignore this email: nobody can sign in without the link.',
    ].join('\n'),
  };
}
