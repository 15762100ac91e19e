import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import { connectRedis, createRateLimiter, createSummaryCache, type RateLimiter, type SummaryCache } from '../infra/cache/redis.js';
import type { Channel } from '../core/ports/channel.js';
import { logEmailChannel, sendgridChannel } from '../infra/channels/email.js';
import { logSignInMailer, sendgridSignInMailer } from '../infra/channels/sign-in-mail.js';
import type { SignInMailer } from '../core/ports/sign-in-mail.js';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import type { DispatcherDeps } from '../infra/outbox/dispatcher.js';
import type { OutboundChannel } from '../core/ports/channel.js';
import { DEFAULT_RETRY } from '../core/notifications/retry.js';
import { createSecretBox, type SecretBox } from '../infra/crypto/secret-box.js';
import { resolveAppSecret, resolveEncryptionKey } from './secrets.js';
import path from 'node:path';
import { localStorage } from '../infra/storage/local-storage.js';
import { s3Storage } from '../infra/storage/s3-storage.js';
import type { EvidenceStorage } from '../core/ports/evidence-storage.js';
import { createSlackChannel } from '../bot/slack/outbox-channel.js';
import type { Clock } from '../core/ports/clock.js';
import { slackChannelDeps } from './slack-channel.js';
import { createTeamsChannel } from '../bot/teams/outbox-channel.js';
import { teamsChannelDeps } from './teams-channel.js';

/** The adapters beside the database, wired once per process. */
export interface Services {
  redis: Redis | undefined;
  cache: SummaryCache;
  limiter: RateLimiter;
  channels: Partial<Record<OutboundChannel, Channel>>;
  appSecret: string;
  /** Encrypts tokens at rest. */
  secretBox: SecretBox;
  /** Where evidence files are kept. */
  storage: EvidenceStorage;
  /** Sends one-time sign-in links (email, or the log without SendGrid). */
  signInMail: SignInMailer;
  dispatcher: DispatcherDeps;
  close(): Promise<void>;
}

export function createServices(config: Config, db: Database, logger: Logger, clock: Clock): Services {
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger.child({ module: 'redis' })) : undefined;
  const email = config.email.sendgridApiKey
    ? sendgridChannel(config.email.sendgridApiKey, config.email.from, config.email.sendgridApiUrl)
    : logEmailChannel(logger, config.env !== 'production');
  const secretBox = createSecretBox(resolveEncryptionKey(config));
  const channels: Partial<Record<OutboundChannel, Channel>> = {
    email,
    ...(config.slack ? { slack: createSlackChannel(slackChannelDeps({ db, box: secretBox, clock, cache: () => services.cache, apiUrl: config.slack.apiUrl })) } : {}),
    ...(config.teams ? { teams: createTeamsChannel(teamsChannelDeps({ db, box: secretBox, clock, logger, settings: config.teams, cache: () => services.cache })) } : {}),
  };
  const limiter = createRateLimiter(redis, config.outboundRatePerSecond);
  const appSecret = resolveAppSecret(config);
  const services: Services = {
    redis,
    cache: createSummaryCache(redis),
    limiter,
    channels,
    appSecret,
    secretBox,
    storage: config.storage.kind === 's3' ? s3Storage(config.storage) : localStorage(path.resolve(config.storage.dir)),
    signInMail: config.email.sendgridApiKey
      ? sendgridSignInMailer(config.email.sendgridApiKey, config.email.from, config.email.sendgridApiUrl)
      : logSignInMailer(logger, config.env !== 'production'),
    dispatcher: { db, channels, retry: DEFAULT_RETRY, limiter, logger: logger.child({ module: 'dispatcher' }), publicUrl: config.http.publicUrl, appSecret },
    async close() {
      if (redis) redis.disconnect();
    },
  };
  return services;
}
