import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.js';
import { loadConfigOrExit } from './boot.js';
import { UsageError, type CliIo, type Command } from './cli/command.js';
import { commands } from './cli/commands/index.js';
import { openRuntime, type Runtime } from './runtime.js';
import { createLogger } from '../infra/logger.js';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --help',
  ].join('\n');
}

function findCommand(args: string[]): Command | undefined {
  return commands
    .filter((c) => c.words.every((word, i) => args[i] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.out(help());
    return 0;
  }
  const command = findCommand(args);
  if (!command) {
    io.err(`Unknown command: ${args.join(' ')}\n\n${help()}`);
    return 64;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: args.slice(command.words.length),
      options: { ...command.options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: Boolean(command.positionals),
    }));
    if (!values.help && positionals.length !== (command.positionals ?? 0)) {
      throw new Error(`expected ${command.positionals ?? 0} argument(s) after "${command.words.join(' ')}", got ${positionals.length}`);
    }
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: npm run cli -- ${command.usage}`);
    return 64;
  }
  if (values.help) {
    io.out(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  const config = loadConfigOrExit();
  let opened: Runtime | undefined;
  const runtime = async () => {
    // Keep the console for the command's own output: only warnings and errors are logged.
    opened ??= await openRuntime(config, { migrate: command.words[0] !== 'migrate', logger: createLogger('warn') });
    return opened;
  };
  try {
    return await command.run({ config, runtime, io }, values, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 64;
    }
    if (error instanceof AppError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await opened?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
