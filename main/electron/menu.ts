import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isPackaged: boolean;
  chooseDataFolder(): void;
  openDataFolder(): void;
  about(): void;
}

/** A small Chinese menu: the app is driven from its own screens; the menu holds the shell's few actions. */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (!actions.isPackaged) view.push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件',
      submenu: [
        { label: '选择数据文件夹…', click: () => actions.chooseDataFolder() },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于 StreetCommand', click: () => actions.about() }] },
  ];
}
