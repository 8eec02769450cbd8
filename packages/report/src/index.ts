// The public API of @litsynth/report is built in its issue.
export {};
