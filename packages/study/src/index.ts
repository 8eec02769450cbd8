// The public API of @litsynth/study is built in its issue.
export {};
