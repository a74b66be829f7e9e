import { Transform, type TransformCallback } from "node:stream";

/** Passes bytes through until more than `maxBytes` came, then fails the stream. */
export class ByteLimit extends Transform {
  seen = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      this.exceeded = true;
      callback(new Error(`more than ${this.maxBytes} bytes`));
      return;
    }
    callback(null, chunk);
  }
}
