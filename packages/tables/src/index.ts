// The public API of @litsynth/tables is built in its issue.
export {};
