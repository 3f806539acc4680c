export type PageSize = 'A4' | 'Letter';

export interface PageGeometry {
  /** Verovio's page in tenths of a millimetre (its layout unit at scale 100). */
  readonly tenthsMm: { readonly width: number; readonly height: number };
  /** The PDF page in points (1/72 inch), as PDF viewers and pdfinfo report it. */
  readonly points: { readonly width: number; readonly height: number };
}

export const PAGE_SIZES: Readonly<Record<PageSize, PageGeometry>> = {
  A4: { tenthsMm: { width: 2100, height: 2970 }, points: { width: 595.28, height: 841.89 } },
  Letter: { tenthsMm: { width: 2159, height: 2794 }, points: { width: 612, height: 792 } },
};
