import type { ChatDirectory, TenantWork } from '../ports/index.js';

/**
 * Links the tenant's unlinked people to the Slack members with the same email, so reminders
 * reach them in Slack. Slack is asked first, then every link is written in one transaction.
 */
export async function linkPeopleToSlack(
  deps: { work: TenantWork; directory: ChatDirectory },
  input: { tenantId: string },
): Promise<{ linked: number; total: number }> {
  const people = await deps.work.inTenant(input.tenantId, (unit) => unit.chatSetup.unlinkedPeople());
  const links: { userId: string; slackUserId: string }[] = [];
  for (const person of people) {
    const slackUserId = await deps.directory.userIdByEmail(person.email);
    if (slackUserId) links.push({ userId: person.id, slackUserId });
  }
  await deps.work.inTenant(input.tenantId, (unit) => unit.chatSetup.linkSlackAccounts(links));
  return { linked: links.length, total: people.length };
}
