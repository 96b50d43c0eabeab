#!/usr/bin/env node

// Prowl's CLI runs its TypeScript sources directly (tsx), so there is no build step to forget.
// AWS SDK versions are pinned in the lockfile; its Node 22 notice is for future releases.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    // Every command closes what it opened; should a stray handle (a socket, a timer in a
    // dependency) still hold the event loop, the command's answer is final all the same.
    setTimeout(() => process.exit(code), 5000).unref();
  });
