import { benchGenerate } from './generate.js';
import { benchPortal } from './portal.js';
import { benchRemind } from './remind.js';
import { benchSlack } from './slack.js';
import { benchTeams } from './teams.js';

/** npm run bench -- <name>: runs a benchmark and prints its figures as JSON lines. */
const benches: Record<string, () => Promise<void>> = { generate: benchGenerate, remind: benchRemind, slack: benchSlack, teams: benchTeams, portal: benchPortal };

const names = process.argv.slice(2);
const unknown = names.filter((n) => !benches[n]);
if (unknown.length > 0 || names.length === 0) {
  process.stderr.write(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> …\n`);
  process.exitCode = 64;
} else {
  for (const name of names) await benches[name]!();
}
