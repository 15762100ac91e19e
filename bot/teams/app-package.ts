import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { fillManifest, type ManifestValues } from './manifest.js';

/** teams/: the manifest template and its two icons, as the repository ships them. */
export const TEAMS_DIR = path.resolve(import.meta.dirname, '../../teams');

/** The icon sizes Teams accepts (a full-colour 192 px square and a 32 px outline). */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/** A PNG's width and height, from its header; anything else is refused by name. */
function pngSize(file: string, bytes: Buffer): [number, number] {
  if (bytes.length < 24 || bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${file} is not a PNG image: Teams takes PNG icons only`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * The Teams app package of a deployment: manifest.json filled with its app id and public
 * address, and the icons it names, zipped at the top level as Teams wants them. Teams refuses
 * an http address and icons of other sizes when the package is uploaded; they are refused here
 * first, saying what to change.
 */
export async function teamsAppPackage(values: ManifestValues, dir = TEAMS_DIR): Promise<Buffer> {
  if (!URL.canParse(values.publicUrl)) throw new Error(`${values.publicUrl} is not a web address: give the https address Teams reaches, e.g. https://compliance.example.com`);
  if (new URL(values.publicUrl).protocol !== 'https:') {
    throw new Error(`the public address must be https for Teams (now ${values.publicUrl}): set PUBLIC_URL, or pass --public-url https://…`);
  }
  const manifest = fillManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'), values) as { icons: Record<keyof typeof ICON_SIZES, string> };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  for (const icon of Object.keys(ICON_SIZES) as (keyof typeof ICON_SIZES)[]) {
    const file = manifest.icons[icon];
    const bytes = await readFile(path.join(dir, file));
    const [width, height] = pngSize(file, bytes);
    const side = ICON_SIZES[icon];
    if (width !== side || height !== side) throw new Error(`${file} is ${width}×${height} px: Teams wants the ${icon} icon at ${side}×${side} px`);
    zip.addBuffer(bytes, file);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
