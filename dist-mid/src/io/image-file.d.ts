/**
 * The bytes of an image or mask file: FileTooLargeError when it is over the file-size limit, PixelLimitError (naming
 * it `what`, "the mask") when its header declares more pixels than the pixel limit; NotRegularFileError for a FIFO,
 * device or folder. A header this reader does not know (or a broken one) is left to the decoder.
 */
export declare function readImageFileSync(file: string, what: string): Buffer;
/**
 * Whether two files hold the same bytes, read a block at a time (images may be large): different sizes answer
 * at once. False when either cannot be read.
 */
export declare function sameFileBytes(a: string, b: string): Promise<boolean>;
