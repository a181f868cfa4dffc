// The desktop shell: filled in by the Electron work (STYLE.md section 6).
export {};
