import type { IAdaptiveCard } from '@microsoft/teams.cards';

/** Every card the bot sends: Adaptive Cards 1.5 (Universal Actions need it). */
export const CARD_VERSION = '1.5';

/** A card of plain paragraphs, each wrapped. */
export function textCard(title: string, ...paragraphs: string[]): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...paragraphs.map((text) => ({ type: 'TextBlock' as const, text, wrap: true })),
    ],
  };
}

/**
 * What someone in a Microsoft 365 organisation that no tenant has bound is told: nothing was
 * done, and what their admin needs (the organisation's directory id, which they may not know).
 */
export function notConnectedCard(aadTenantId: string | undefined): IAdaptiveCard {
  return textCard(
    'Compliance OS is not connected to your organisation yet',
    'Nothing was done. Your Compliance OS tenant admin connects this Microsoft 365 organisation to your company\'s Compliance OS'
      + (aadTenantId
        ? ` with its directory (tenant) id: ${aadTenantId} (npm run cli -- teams connect --tenant <slug> --aad-tenant ${aadTenantId}).`
        : ' with its directory (tenant) id, from the Entra admin center (npm run cli -- teams connect).'),
  );
}
