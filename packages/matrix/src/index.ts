// The public API of @litsynth/matrix is built in its issue.
export {};
