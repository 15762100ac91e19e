import type { Knex } from 'knex';

/**
 * A person's home in Teams is a card in their personal chat with the bot (Teams has no home tab
 * for a bot without a web tab): the card last posted there is kept by its activity id, so it is
 * updated in place when their items change.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE teams_conversations ADD COLUMN home_activity_id text
      CHECK (home_activity_id IS NULL OR conversation_type = 'personal')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE teams_conversations DROP COLUMN home_activity_id');
}
