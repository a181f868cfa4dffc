// Builds the renderer (vite) and bundles the Node side (esbuild) into dist/.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const node = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, external: ['electron', 'better-sqlite3'], logLevel: 'warning' };

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await esbuild({ ...node, entryPoints: ['main/host/cli.ts'], outfile: 'dist/main/host.cjs' });
await esbuild({ ...node, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron.cjs' });
await esbuild({ ...node, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs' });
console.log('built dist/renderer and dist/main');
