// Jest loads global setup outside its module transform; tsx loads the TypeScript for it.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestPostgres } = await tsImport('./test-postgres.ts', import.meta.url);
  await startTestPostgres();
}
