/**
 * `flip_idx` from keypoint names: when an image is flipped left-right, Ultralytics swaps keypoint i with
 * keypoint flip_idx[i]. Its COCO config pairs `left_eye` with `right_eye` and so on (coco-pose.yaml:
 * [0, 2, 1, 4, 3, …]); the same pairing is derived here from names that hold the word left or right (`left_eye`,
 * `right-ear`, `Left Knee`, `wrist_left`, `leftHand`), every other keypoint mapping to itself.
 */
/**
 * The flip map of keypoints named `names`, or null when no two of them pair up as left/right (Ultralytics then turns
 * left-right flipping off for the dataset rather than guessing).
 */
export declare function flipIdxFromNames(names: readonly string[]): number[] | null;
