import { parseConfig, type Config } from '../core/config.js';
import { ConfigError } from '../core/errors.js';

/** Reads the environment once; on a bad variable, says which and why, and exits 2. */
export function loadConfigOrExit(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its format.\n`);
      process.exit(2);
    }
    throw error;
  }
}
