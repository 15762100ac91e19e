import type { Command } from '../command.js';
import { auditCommands } from './audit.js';
import { backgroundCommands } from './background.js';
import { calendarCommands } from './calendar.js';
import { databaseCommands } from './database.js';
import { engineCommands } from './engine.js';
import { evidenceCommands } from './evidence.js';
import { slackCommands } from './slack.js';
import { teamsCommands } from './teams.js';

export const commands: Command[] = [...databaseCommands, ...engineCommands, ...backgroundCommands, ...slackCommands, ...teamsCommands, ...calendarCommands, ...auditCommands, ...evidenceCommands];
