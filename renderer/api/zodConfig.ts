// Imported first by each page. zod otherwise probes `new Function` to speed up parsing, which
// our Content-Security-Policy (no unsafe-eval, in the browser and in Electron) reports as a
// violation on every start.
import { z } from 'zod';

z.config({ jitless: true });
