// Font files bundled into the Worker as Data modules (wrangler.toml [[rules]]):
// the import yields the file's bytes, since a Worker has no filesystem.
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}
