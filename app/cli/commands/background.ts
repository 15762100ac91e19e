import { systemActor } from '../../../core/engine/access.js';
import { entityWithRegistration } from '../../../core/engine/registrations.js';
import { retryNotification } from '../../../core/use-cases/retry-notification.js';
import { recentNotifications } from '../../../infra/outbox/outbox-list.js';
import { platformNotificationQueue } from '../../../infra/outbox/requeue.js';
import { hostname } from 'node:os';
import { sweepTenant, type NamedReminder } from '../../../infra/engine/reminder-sweep.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { jobNamed, schedule } from '../../../jobs/schedule.js';
import { jobContext } from '../../job-deps.js';
import { UsageError, optionalString, requireString, timestampOption, type Command } from '../command.js';

const STATUSES = ['pending', 'sent', 'failed', 'dead'];

export const backgroundCommands: Command[] = [
  {
    words: ['remind'],
    usage: 'remind --tenant <slug> [--as-of <ISO timestamp>] [--dry-run]',
    summary: 'Run the reminder ladder for a tenant as of a moment (default now); --dry-run prints what would be queued.',
    options: { tenant: { type: 'string' }, 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run({ runtime, io }, values) {
      const asOf = timestampOption(values, 'as-of');
      const { db, clock } = await runtime();
      const moment = asOf ?? clock.now();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const r = await sweepTenant(db, tenantId, moment, { dryRun: Boolean(values['dry-run']) });
      const who = (p: NamedReminder) => (p.recipient ? `${p.recipient.name} <${p.recipient.email}>` : p.recipientUserId);
      const what = (p: NamedReminder) => (p.item ? `${p.item.code} ${p.item.periodKey} (${entityWithRegistration(p.item.entityName, p.item.registration)}, due ${p.item.dueDate})` : undefined);
      const lines = r.named
        .sort((a, b) => a.kind.localeCompare(b.kind) || (what(a) ?? '').localeCompare(what(b) ?? ''))
        .map((p) => `  ${p.kind.padEnd(10)} → ${who(p).padEnd(42)} ${what(p)}${p.alreadyQueued ? '  [already queued]' : ''}`);
      io.out(`${moment.toISOString()}: ${r.open} open item(s) in reach, ${r.planned} reminder(s) planned, ${values['dry-run'] ? `${lines.length} would be queued (dry run)` : `${r.enqueued} newly queued`}.`);
      for (const line of lines) io.out(line);
      return 0;
    },
  },
  {
    words: ['outbox', 'list'],
    usage: 'outbox list [--status pending|sent|failed|dead] [--tenant <slug>]',
    summary: 'Notifications in the outbox, newest first, with attempts and the last error.',
    options: { status: { type: 'string' }, tenant: { type: 'string' } },
    async run({ runtime, io }, values) {
      const status = optionalString(values, 'status');
      if (status && !STATUSES.includes(status)) throw new UsageError(`--status ${status}: use one of ${STATUSES.join(', ')}`);
      const { db } = await runtime();
      const slug = optionalString(values, 'tenant');
      const tenantId = slug ? await tenantIdBySlug(db, slug) : undefined;
      const rows = await recentNotifications(db, { status, tenantId, limit: 100 });
      io.out(`${rows.length} notification(s)${rows.length === 100 ? ' (newest 100)' : ''}:`);
      for (const r of rows) {
        io.out(`  ${r.id}  ${r.slug.padEnd(10)} ${r.channel.padEnd(6)} ${r.kind.padEnd(17)} ${r.status.padEnd(8)} tries ${r.attempts}  ${r.email ?? ''}${r.last_error ? `\n      last error: ${r.last_error}` : ''}`);
      }
      return 0;
    },
  },
  {
    words: ['outbox', 'retry'],
    usage: 'outbox retry <id>',
    summary: 'Send a failed or dead notification again (it goes back to pending, due now).',
    options: {},
    positionals: 1,
    async run({ runtime, io }, _values, positionals) {
      const id = positionals[0]!;
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`${id} is not a notification id (see: npm run cli -- outbox list --status dead)`);
      const { db } = await runtime();
      const requeued = await retryNotification({ notifications: platformNotificationQueue(db) }, systemActor('cli', 'Command line'), { notificationId: id });
      if (!requeued) {
        io.err(`No failed or dead notification ${id}. Only failed or dead ones can be retried (see: npm run cli -- outbox list).`);
        return 1;
      }
      io.out(`Notification ${id} (${requeued.kind}) is pending again and will be sent within seconds.`);
      return 0;
    },
  },
  {
    words: ['job', 'run'],
    usage: `job run <${schedule.map((j) => j.name).join('|')}>`,
    summary: 'Run one background job now, in this process (same slot rules as the scheduler).',
    options: {},
    positionals: 1,
    async run(ctx, _values, positionals) {
      const job = jobNamed(positionals[0]!);
      if (!job) throw new UsageError(`unknown job ${positionals[0]}`);
      const run = jobContext(await ctx.runtime(), { worker: `${hostname()}:cli:${process.pid}`, shouldStop: () => false });
      if (job.name === 'dispatch-notifications') {
        // Long-running in the worker; here it sends what is due and returns.
        ctx.io.out(JSON.stringify(await run.dispatch({ concurrency: 4, idleMs: 0, shouldStop: () => false, untilEmpty: true })));
        return 0;
      }
      const stats = await job.run(run);
      ctx.io.out(JSON.stringify(stats));
      return 0;
    },
  },
];
