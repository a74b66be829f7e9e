import { cleanupConfig } from "./cleanup-config";

/** A browser that cannot start: its executable does not exist (as on a machine without Chromium). */
export default cleanupConfig("/nonexistent/atelier-cleanup/chromium");
