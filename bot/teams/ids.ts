/**
 * Every id the Teams app uses, in one place: listeners, card builders, tests and
 * teams/manifest.json share them (a test holds the manifest's command lists equal to these).
 */

/**
 * What a card's Action.Execute asks for, carried as `data.action`: the SDK routes
 * `card.action.<id>` on it, not on the verb. The same names as Slack's action ids.
 */
export const CARD_ACTIONS = {
  approveEvidence: 'evidence_approve',
  approveWithReference: 'evidence_approve_with_reference',
  rejectEvidence: 'evidence_reject',
  acknowledgeEscalation: 'escalation_acknowledge',
  markNotApplicable: 'item_mark_not_applicable',
  reopen: 'item_reopen',
  uploadEvidence: 'evidence_upload',
  /** A card asks for its view again (per-user refresh: buttons only for whoever may press them). */
  refresh: 'refresh',
} as const;

/** The inputs a card's form sends with its Action.Execute (Teams adds each input's value to the action's data, under its id). */
export const CARD_INPUTS = { reason: 'reason', filingReference: 'filingReference' } as const;

/** Marks the buttons of an item's root card (`data.card`): its answer is the root card again, as that person may see it. */
export const ROOT_CARD = 'root';

/** The commands Teams suggests as people type (there are no slash commands): the same words as Slack's /compliance. */
export const COMMANDS = {
  status: { title: 'status', description: 'Red / amber / green per entity, optionally for one entity' },
  due: { title: 'due', description: 'Open items due in the next days (default 7)' },
  mine: { title: 'mine', description: 'What you have to prepare or approve' },
  home: { title: 'home', description: 'Your work at a glance, kept up to date here' },
  help: { title: 'help', description: 'What I can do' },
} as const;

/**
 * Which commands are suggested where: all of them in the personal chat; in a team channel
 * (where everyone sees the answer) only those about the entity, not anyone's own queue.
 */
export const COMMAND_LISTS = [
  { scopes: ['personal'], commands: [COMMANDS.status, COMMANDS.due, COMMANDS.mine, COMMANDS.home, COMMANDS.help] },
  { scopes: ['team'], commands: [COMMANDS.status, COMMANDS.help] },
] as const;

/** Where the bot can be installed: people's personal chat (files reach the bot only there) and teams. */
export const BOT_SCOPES = ['personal', 'team'] as const;
