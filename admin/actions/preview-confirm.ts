import type { Action, ActionContext, ActionRequest, ActionResponse, RecordActionResponse } from 'adminjs';
import { toAdminError } from '../adapter/errors.js';
import { Components } from '../components/index.js';
import type { PortalAdmin } from '../scope.js';
import { portalAdminOf } from '../scope.js';

/** A form field the admin fills before previewing. */
export interface Field {
  name: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  /** Shown only to platform admins (e.g. which tenant). */
  platformOnly?: boolean;
}

/** What the admin sees before confirming: a table of what will happen, or the problems found. */
export interface Preview {
  message: string;
  columns: string[];
  rows: string[][];
  /** Nothing to confirm (no change, or errors to fix first). */
  blocked?: boolean;
}

export interface PreviewConfirmSpec {
  name: string;
  label: string;
  icon: string;
  actionType: 'record' | 'resource';
  isAccessible: (context: ActionContext) => boolean;
  /** Explains the action above the form. */
  intro: string;
  confirmLabel: string;
  fields?: Field[];
  preview(input: Record<string, string>, admin: PortalAdmin, context: ActionContext): Promise<Preview>;
  /** Does the work; returns the success message. */
  apply(input: Record<string, string>, admin: PortalAdmin, context: ActionContext): Promise<string>;
}

/** Button labels of the portal's own actions, for AdminJS's translations. */
export const ACTION_LABELS: Record<string, string> = {};

/**
 * An action in two steps through one component: preview (nothing changes) then confirm.
 * `mode` in the body says which: describe (the form), preview or apply.
 */
export function previewConfirmAction(spec: PreviewConfirmSpec): Partial<Action<ActionResponse>> {
  ACTION_LABELS[spec.name] = spec.label;
  return {
    actionType: spec.actionType,
    icon: spec.icon,
    component: Components.PreviewConfirm,
    isAccessible: spec.isAccessible,
    showInDrawer: false,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext): Promise<RecordActionResponse> => {
      const admin = portalAdminOf(context);
      const input = Object.fromEntries(Object.entries(request.payload ?? {}).map(([k, v]) => [k, String(v ?? '')]));
      const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record'];
      const base = { record } as RecordActionResponse;
      try {
        if (request.method === 'get' || input.mode === 'describe' || !input.mode) {
          const fields = (spec.fields ?? []).filter((f) => !f.platformOnly || admin.kind === 'platform');
          return { ...base, form: { intro: spec.intro, confirmLabel: spec.confirmLabel, fields, autoPreview: fields.length === 0 } };
        }
        if (input.mode === 'preview') return { ...base, preview: await spec.preview(input, admin, context) };
        const message = await spec.apply(input, admin, context);
        return { ...base, done: message, notice: { message, type: 'success' } };
      } catch (error) {
        const mapped = toAdminError(error) as Error & { baseError?: { message: string } };
        if (mapped && typeof mapped === 'object' && 'baseError' in mapped) {
          return { ...base, preview: { message: mapped.baseError?.message ?? mapped.message, columns: [], rows: [], blocked: true }, notice: { message: mapped.baseError?.message ?? mapped.message, type: 'error' } };
        }
        throw mapped;
      }
    },
  };
}
