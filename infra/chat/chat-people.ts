import type { ChatKind, ChatPeople } from '../../core/ports/chat-people.js';
import type { Database } from '../db/database.js';

/** The users column holding each chat's account id (unique per tenant). */
const ACCOUNT_COLUMN: Record<ChatKind, string> = { slack: 'slack_user_id', teams: 'teams_user_id' };

/** People by their chat accounts: one indexed read per request, nothing cached. */
export function chatPeople(db: Database): ChatPeople {
  return {
    linked: (tenantId, account) => db.withTenant(tenantId, ({ trx }) =>
      trx('users').where({ tenant_id: tenantId, [ACCOUNT_COLUMN[account.chat]]: account.id, is_active: true }).first('id').then((r) => r?.id ?? null)),
    linkByEmail: (tenantId, account, email) => db.withTenant(tenantId, async ({ trx }) => {
      const column = ACCOUNT_COLUMN[account.chat];
      const [byEmail] = await trx('users')
        .where({ tenant_id: tenantId, is_active: true }).whereRaw('lower(email) = lower(?)', [email]).whereNull(column)
        .update({ [column]: account.id }).returning('id');
      return byEmail?.id ?? null;
    }),
  };
}
