import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerAcknowledge } from './acknowledge.js';
import { registerApproveEvidence } from './approve-evidence.js';
import { registerApproveWithReference } from './approve-with-reference.js';
import { registerMarkNotApplicable } from './mark-not-applicable.js';
import { registerRejectEvidence } from './reject-evidence.js';
import { registerReopen } from './reopen.js';
import { registerViewDetails } from './view-details.js';

/** Buttons (block_actions), one file per button. */
export function register(app: App, deps: SlackDeps): void {
  registerAcknowledge(app, deps);
  registerApproveEvidence(app, deps);
  registerApproveWithReference(app);
  registerRejectEvidence(app);
  registerMarkNotApplicable(app);
  registerViewDetails(app);
  registerReopen(app, deps);
}
