// Types for `linebreak` 1.1.0 (UAX #14), which ships none.
declare module 'linebreak' {
  namespace LineBreaker {
    interface Break {
      /** UTF-16 index where the next line may start. */
      position: number;
      /** True for a mandatory break (after a newline). */
      required: boolean;
    }
  }
  class LineBreaker {
    constructor(text: string);
    nextBreak(): LineBreaker.Break | null;
  }
  export = LineBreaker;
}
