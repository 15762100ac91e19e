import { systemActor } from '../../../core/engine/access.js';
import { retryNotification } from '../../../core/use-cases/retry-notification.js';
import { platformNotificationQueue } from '../../../infra/outbox/requeue.js';
import { hostname } from 'node:os';
import { sweepReminders } from '../../../infra/engine/reminder-sweep.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { jobNamed, schedule } from '../../../jobs/schedule.js';
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
      const result = await db.withTenant(tenantId, async (tx) => {
        const r = await sweepReminders(tx, moment, { dryRun: Boolean(values['dry-run']) });
        if (!r.preview) return { r, lines: [] as string[] };
        const users = new Map<string, string>((await tx.trx('users').select('id', 'name', 'email')).map((u: { id: string; name: string; email: string }) => [u.id, `${u.name} <${u.email}>`]));
        const items = new Map<string, string>((await tx.trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
          .join('entities as e', 'e.id', 'i.entity_id')
          .whereIn('i.id', r.preview.map((p) => p.instance_id!)).select('i.id', 'm.code', 'i.period_key', 'e.name', 'i.due_date'))
          .map((i: { id: string; code: string; period_key: string; name: string; due_date: string }) => [i.id, `${i.code} ${i.period_key} (${i.name}, due ${i.due_date})`]));
        const lines = r.preview
          .sort((a, b) => a.kind.localeCompare(b.kind) || (items.get(a.instance_id!) ?? '').localeCompare(items.get(b.instance_id!) ?? ''))
          .map((p) => `  ${p.kind.padEnd(10)} → ${(users.get(p.recipient_user_id) ?? p.recipient_user_id).padEnd(42)} ${items.get(p.instance_id!)}${p.alreadyQueued ? '  [already queued]' : ''}`);
        return { r, lines };
      });
      io.out(`${moment.toISOString()}: ${result.r.open} open item(s) in reach, ${result.r.planned} reminder(s) planned, ${values['dry-run'] ? `${result.lines.length} would be queued (dry run)` : `${result.r.enqueued} newly queued`}.`);
      for (const line of result.lines) io.out(line);
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
      const rows = await db.withSystem((trx) => {
        const q = trx('notifications as n').join('tenants as t', 't.id', 'n.tenant_id').leftJoin('users as u', 'u.id', 'n.recipient_user_id')
          .orderBy('n.created_at', 'desc').limit(100)
          .select('n.id', 't.slug', 'n.channel', 'n.kind', 'n.status', 'n.attempts', 'n.next_attempt_at', 'n.last_error', 'u.email');
        if (status) q.where('n.status', status);
        if (tenantId) q.where('n.tenant_id', tenantId);
        return q;
      });
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
      if (job.name === 'dispatch-notifications') {
        // Long-running in the worker; here it sends what is due and returns.
        const { runDispatcher } = await import('../../../infra/outbox/dispatcher.js');
        const rt = await ctx.runtime();
        ctx.io.out(JSON.stringify(await runDispatcher(rt.services.dispatcher, { concurrency: 4, idleMs: 0, shouldStop: () => false, untilEmpty: true })));
        return 0;
      }
      const rt = await ctx.runtime();
      const stats = await job.run({ runtime: rt, worker: `${hostname()}:cli:${process.pid}`, now: rt.clock.now, shouldStop: () => false });
      ctx.io.out(JSON.stringify(stats));
      return 0;
    },
  },
];
