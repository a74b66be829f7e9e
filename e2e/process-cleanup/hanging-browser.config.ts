import path from "node:path";
import { cleanupConfig } from "./cleanup-config";

/** A browser that starts and never answers, so a run can be interrupted while its server runs. */
export default cleanupConfig(path.join(import.meta.dirname, "hanging-browser.sh"));
