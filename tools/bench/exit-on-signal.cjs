// Preloaded (node --require) into the API when the bench profiles it: SIGUSR2 makes the process exit
// normally, so `--cpu-prof` writes its profile (a signal's default action would lose it).
'use strict';
process.once('SIGUSR2', () => process.exit(0));
