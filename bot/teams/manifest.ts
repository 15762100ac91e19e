/**
 * teams/manifest.json is a template: the Teams app's id (which is also the bot's) and the
 * product's public address are written in when it is packaged for a deployment.
 */
export interface ManifestValues {
  appId: string;
  /** Where the product is served (https in production): the developer pages and the one valid domain. */
  publicUrl: string;
}

const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;

/** The manifest for one deployment; a placeholder the values do not name is an error (nothing half-filled ships). */
export function fillManifest(template: string, values: ManifestValues): Record<string, unknown> {
  const url = new URL(values.publicUrl);
  const known: Record<string, string> = { TEAMS_APP_ID: values.appId, PUBLIC_URL: url.origin, PUBLIC_HOST: url.host };
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = known[name];
    if (value === undefined) throw new Error(`teams/manifest.json names ${whole}, which nothing fills in`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}
