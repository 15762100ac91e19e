import { ComponentLoader } from 'adminjs';

/**
 * The portal's own React components (plain .jsx, bundled by AdminJS: at first request in
 * development, at start in production). Paths are relative to this file, so the build copies
 * the .jsx files beside the compiled index.js.
 */
export const componentLoader = new ComponentLoader();

export const Components = {
  Dashboard: componentLoader.add('Dashboard', './dashboard'),
  PreviewConfirm: componentLoader.add('PreviewConfirm', './preview-confirm'),
  PlainDate: componentLoader.add('PlainDate', './plain-date'),
  Moment: componentLoader.add('Moment', './moment'),
  Rag: componentLoader.add('Rag', './rag-badge'),
  Status: componentLoader.add('Status', './status-badge'),
  ProfileFlags: componentLoader.add('ProfileFlags', './profile-flags'),
  NoWrap: componentLoader.add('NoWrap', './no-wrap'),
};
