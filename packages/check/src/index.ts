// The public API of @litsynth/check is built in its issue.
export {};
