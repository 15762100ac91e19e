import type { App } from '@microsoft/teams.apps';
import { approved, markedNotApplicable, rejected, reopened } from '../../../../core/chat/confirmations.js';
import { markNotApplicable, reopenInstance } from '../../../../core/use-cases/change-status.js';
import { approveEvidence, rejectEvidence } from '../../../../core/use-cases/review-evidence.js';
import { CARD_ACTIONS } from '../../ids.js';
import type { CardActionDeps } from './act.js';
import { decide } from './decide.js';

/**
 * Approve, Approve with a filing reference, Reject, Not applicable and Reopen on Teams cards:
 * the same use cases as Slack's buttons and modals, with the same words for their outcome.
 */
export function registerDecisions(app: App, deps: CardActionDeps): void {
  const now = () => deps.clock.now();
  const review = (d: { instanceId: string; evidenceId: string }) => ({ instanceId: d.instanceId, evidenceId: d.evidenceId });

  app.on(`card.action.${CARD_ACTIONS.approveEvidence}`, (ctx) => decide(deps, ctx, {
    useCase: (d) => (unit, actor) => approveEvidence(unit, actor, review(d), now()), outcome: approved, review: true,
  }));
  app.on(`card.action.${CARD_ACTIONS.approveWithReference}`, (ctx) => decide(deps, ctx, {
    useCase: (d) => (unit, actor) => approveEvidence(unit, actor, { ...review(d), filingReference: d.filingReference }, now()),
    outcome: approved, review: true, input: 'filingReference',
  }));
  app.on(`card.action.${CARD_ACTIONS.rejectEvidence}`, (ctx) => decide(deps, ctx, {
    useCase: (d) => (unit, actor) => rejectEvidence(unit, actor, { ...review(d), reason: d.reason ?? '' }, now()),
    // The reason as core kept it (trimmed).
    outcome: (result, by) => rejected(result, by, result.reason), review: true, input: 'reason',
  }));
  app.on(`card.action.${CARD_ACTIONS.markNotApplicable}`, (ctx) => decide(deps, ctx, {
    useCase: (d) => (unit, actor) => markNotApplicable(unit, actor, { instanceId: d.instanceId, reason: d.reason ?? '' }, now()),
    outcome: (result, by) => markedNotApplicable(by, result.reason), input: 'reason',
  }));
  app.on(`card.action.${CARD_ACTIONS.reopen}`, (ctx) => decide(deps, ctx, {
    useCase: (d) => (unit, actor) => reopenInstance(unit, actor, { instanceId: d.instanceId, reason: d.reason ?? '' }, now()),
    outcome: (result, by) => reopened(by, result.reason), input: 'reason',
  }));
}
