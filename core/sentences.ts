/**
 * Ends a sentence with a full stop unless it already ends with one (or with ! ? …), so text put
 * together from messages that may or may not end a sentence never reads "was refused.. Nothing".
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
