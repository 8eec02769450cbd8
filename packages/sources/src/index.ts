// The public API of @litsynth/sources is built in its issue.
export {};
