import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { textCard } from './replies.js';

/**
 * What someone who posted a file in a channel is told: Teams does not hand channel files to apps
 * (teams-notes §3), so the file is not evidence; Upload proof on the item's card is the way.
 */
export const channelFilesCard = (): IAdaptiveCard => textCard(
  'Files posted in a channel do not reach Compliance OS',
  'Teams does not hand files posted in a channel to apps, so nothing was recorded. To submit the filing proof, press **Upload proof** on the item\'s card in this channel: '
    + 'I will ask you for it in your chat with Compliance OS, and the file you send there becomes the evidence (this thread is told).',
  'You can also upload it on the item\'s page (View details).',
);
