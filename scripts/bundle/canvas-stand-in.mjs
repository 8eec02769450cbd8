// Stands in for @napi-rs/canvas (a native module, which a tarball for every platform cannot carry)
// in the bundled CLI. pdf.js wants DOMMatrix, ImageData and Path2D to exist when it loads in Node;
// litsynth only extracts text, which never draws, so a pure-JS DOMMatrix and two classes that
// refuse to be used are enough.
import DOMMatrix from '@thednp/dommatrix';

class NotAvailable {
  constructor() {
    throw new Error('litsynth reads the text of a PDF only; drawing is not available');
  }
}

export const canvasStandIn = { DOMMatrix, ImageData: NotAvailable, Path2D: NotAvailable };
