// Debian's Chromium for every browser the tests and benches start (the
// VS Code workbench, the dashboard page): its path and the flags this closed,
// root-run machine needs (no sandbox as root; no background connections,
// which the network would refuse many at a time).
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
