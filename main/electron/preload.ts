// The preload: exposes window.streetCommand built from the contract (filled in by the Electron work).
export {};
