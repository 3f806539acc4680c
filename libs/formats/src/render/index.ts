export { PAGE_SIZES, type PageGeometry, type PageSize } from './page-size';
export { ScoreMustBeEngravable } from './render-errors';
export { renderMusicXmlPages, renderSvgPages, type RenderOptions } from './render-svg';
export { renderPdf, renderPartsPdfs, type PartPdf } from './render-pdf';
