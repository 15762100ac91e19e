import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerApproveWithReferenceSubmit } from './approve-with-reference.js';
import { registerNotApplicableSubmit } from './not-applicable.js';
import { registerRejectEvidenceSubmit } from './reject-evidence.js';
import { registerReopenSubmit } from './reopen.js';

/** Modal submissions (view_submission), one file per modal. */
export function register(app: App, deps: SlackDeps): void {
  registerNotApplicableSubmit(app, deps);
  registerApproveWithReferenceSubmit(app, deps);
  registerRejectEvidenceSubmit(app, deps);
  registerReopenSubmit(app, deps);
}
