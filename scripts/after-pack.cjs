// electron-builder afterPack hook (electron-builder.yml): refuse to finish a package that would crash on start
// because the SQLite binding for its platform and arch is missing, not unpacked from the asar, or not N-API.
const fs = require('node:fs');
const path = require('node:path');

const archNames = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }; // builder-util's Arch enum

function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    const app = fs.readdirSync(context.appOutDir).find((f) => f.endsWith('.app'));
    return path.join(context.appOutDir, app, 'Contents', 'Resources');
  }
  return path.join(context.appOutDir, 'resources');
}

/** Returns the list of problems (empty when the package is sound). Exported for tests. */
function checkPackedApp(context) {
  const arch = archNames[context.arch] ?? String(context.arch);
  const resources = resourcesDir(context);
  const problems = [];
  const binding = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', `${context.electronPlatformName}-${arch}.node`);
  if (!fs.existsSync(binding)) {
    problems.push(`缺少 SQLite 原生模块 / missing SQLite binding: ${binding}`);
  } else if (!fs.readFileSync(binding).includes('napi_register_module_v1')) {
    problems.push(`SQLite 原生模块不是 N-API 版本，无法在 Electron 中加载 / not an N-API binding: ${binding}`);
  }
  if (!fs.existsSync(path.join(resources, 'app.asar'))) problems.push(`缺少 app.asar / missing app.asar in ${resources}`);
  if (!fs.existsSync(path.join(resources, 'resources'))) problems.push(`缺少资源文件夹 / missing extraResources folder ${path.join(resources, 'resources')}`);
  return problems;
}

async function afterPack(context) {
  const problems = checkPackedApp(context);
  if (problems.length) throw new Error(`打包检查失败 / package check failed:\n${problems.join('\n')}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.checkPackedApp = checkPackedApp;
