// The formats library's typings for Verovio, PDFKit and SVG-to-PDFKit (none ships its own); bench/tsconfig.json
// includes only bench/, and this folder is the one part of the bench that compiles the render code.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a script .d.ts cannot be imported
/// <reference path="../../libs/formats/src/render/vendor.d.ts" />
