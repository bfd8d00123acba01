/**
 * Byte-level tokenizer for the validator.
 *
 * Owns: text ↔ token ids. Tokens are the UTF-8 bytes of the text (vocabulary of
 * 256), so any file works without a fitted vocabulary and the model sees the
 * same ids on every corpus.
 */
export const VOCAB_SIZE = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 bytes of the text, as token ids. */
export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text of token ids (invalid UTF-8 sequences become U+FFFD). */
export function decode(tokens: ArrayLike<number>): string {
  return decoder.decode(Uint8Array.from(tokens as ArrayLike<number>));
}
