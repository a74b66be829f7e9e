#!/bin/sh
# Stands in for a browser that starts but never answers Playwright's first commands: it reads the
# command pipe (fd 3, as Chromium does with --remote-debugging-pipe) and quits only when told to
# close (Browser.close) or when the pipe closes.
exec node -e '
const input = require("node:fs").createReadStream("", { fd: 3 });
input.on("data", (chunk) => chunk.includes("Browser.close") && process.exit(0));
input.on("end", () => process.exit(0));
'
