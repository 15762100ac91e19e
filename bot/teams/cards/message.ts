import type { ActivityParams } from '@microsoft/teams.api';
import type { IAdaptiveCard, IExecuteAction, IMention, ITextBlock } from '@microsoft/teams.cards';
import { CARD_VERSION } from './replies.js';

/** What an Action.Execute carries: `action` (ids.ts) routes it, the rest says on what. */
export type CardActionData = { action: string } & Record<string, string | number | undefined>;

/** A button that runs one of our card actions (Universal Actions: the verb is the action's id too). */
export const execute = (title: string, data: CardActionData, style?: IExecuteAction['style']): IExecuteAction => ({
  type: 'Action.Execute', title, verb: data.action, data, ...(style ? { style } : {}),
});

/** A wrapped paragraph of card markdown. */
export const paragraph = (text: string, extra: Partial<ITextBlock> = {}): ITextBlock => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A card of the given body, its mentions made real (each `<at>` text needs its entity). */
export function card(body: IAdaptiveCard['body'], mentions: IMention[], extra: Partial<IAdaptiveCard> = {}): IAdaptiveCard {
  return {
    type: 'AdaptiveCard', version: CARD_VERSION, body, ...extra,
    msteams: { width: 'full', ...(mentions.length ? { entities: mentions } : {}) },
  };
}

/** A message carrying one card, as the connector takes it. */
export const cardMessage = (content: IAdaptiveCard, summary?: string): ActivityParams => ({
  type: 'message',
  ...(summary ? { summary } : {}),
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
});
