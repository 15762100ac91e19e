import type { ChatKind } from '../ports/chat-people.js';

/**
 * How the filing proof reaches an item from each chat, in the words each place needs. Slack hands
 * the bot files dropped in an item's thread; Teams hands bots no channel files at all
 * (teams-notes §3), so there the preparer presses Upload proof and sends the file in their
 * personal chat with the bot.
 */
export const PROOF_WAY: Record<ChatKind, {
  /** On the item's card. */
  card: string;
  /** In a reminder in the item's thread ("please prepare and …"). */
  send: string;
  /** After a rejection ("please …"). */
  resend: string;
  /** In the commands' help ("…; …"). */
  help: string;
}> = {
  slack: {
    card: 'Drop the filing proof in this thread to submit it.',
    send: 'drop the proof here',
    resend: 'upload a corrected file here',
    help: "drop the filing proof in the item's thread to submit it",
  },
  teams: {
    card: 'Press Upload proof to send the filing proof in your chat with Compliance OS.',
    send: "press Upload proof on the item's card to send the proof",
    resend: "press Upload proof on the item's card to send a corrected file",
    help: "press Upload proof on the item's card, or upload the proof on its page (View details)",
  },
};
