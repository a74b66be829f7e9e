import { z } from "zod";

// Imported first by main.tsx, before any schema exists: zod decides per schema, when it is built, whether to
// compile parsers with `new Function`, and probing that under this page's CSP (no 'unsafe-eval') is a violation.
z.config({ jitless: true });
