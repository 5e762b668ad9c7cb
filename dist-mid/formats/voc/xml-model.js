/** A VOC annotation XML file as this adapter reads and writes it (format-side, before mapping to the model). */
/** Object fields with their own meaning in VOC (written first, in this order). */
export const VOC_OBJECT_FLAGS = ["pose", "truncated", "difficult", "occluded"];
//# sourceMappingURL=xml-model.js.map