// The one global the Node example uses, for a project without @types/node or the DOM library.
declare const console: {log(...values: unknown[]): void};
