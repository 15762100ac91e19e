import type { App } from '@microsoft/teams.apps';
import { registerAcknowledge } from './acknowledge.js';
import type { CardActionDeps } from './act.js';
import { registerDecisions } from './decisions.js';
import { registerRefresh } from './refresh.js';
import { registerUploadProof } from './upload-proof.js';

export type { CardActionDeps };

/** Card buttons (adaptiveCard/action invokes, routed on data.action), answered within the request. */
export function register(app: App, deps: CardActionDeps): void {
  registerDecisions(app, deps);
  registerAcknowledge(app, deps);
  registerRefresh(app, deps);
  registerUploadProof(app, deps);
}
