// mocha's browser bundle has no typings of its own; @types/mocha describes it.
declare module 'mocha/mocha.js' {
  const mocha: BrowserMocha;
  export default mocha;
}
