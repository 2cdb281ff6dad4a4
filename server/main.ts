import { loadConfig } from './config';
import { serve } from './serve';

/** Production entry: reads the environment and listens. The demo uses scripts/start.ts. */
serve(loadConfig()).catch((error) => {
  console.error(error);
  process.exit(1);
});
