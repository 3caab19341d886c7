import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { ReportPaperSize } from '@him/contracts';
import { pdfSafeText } from './report-text';
import { ClientGoneError } from './stream-pace';

/**
 * A small page-layout engine over pdfkit for printable reports: a header block on every page,
 * "Page n of m" in the footer (pages are buffered so the count is known), headings, paragraphs
 * and tables whose rows never split and whose header row repeats on every page. It knows
 * nothing of what a report says: the caller gives the header lines, the footer's text and the
 * columns. Standard Helvetica, so every text is narrowed to what it can draw (pdfSafeText).
 */

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const FOOTER_GAP = 16;
const CELL_PAD = 3;
const ROWS_BETWEEN_YIELDS = 200;
const TABLE_FONT_SIZE = 7.5;
export const BODY_FONT = 'Helvetica';
export const BOLD_FONT = 'Helvetica-Bold';

export const INK = '#1d1b20';
export const MUTED = '#49454f';
const RULE = '#c9c5d0';
const HEADER_FILL = '#ece6f0';
const STRIPE_FILL = '#f7f2fa';

export interface PdfColumn<T> {
  header: string;
  /** share of the table's width */
  share: number;
  text: (row: T) => string;
  align?: 'left' | 'right';
  colour?: (row: T) => string | undefined;
}

/** One line of the header block drawn at the top of every page. */
export interface PdfHeaderLine {
  text: string;
  font: string;
  size: number;
  colour: string;
}

export interface PdfPages {
  paper: ReportPaperSize;
  info: PDFKit.DocumentInfo;
  header: readonly PdfHeaderLine[];
  /** the footer's left-hand text; "Page n of m" stands on the right */
  footer: string;
}

/** Where content may go on a page: below the header block, above the footer. */
interface PageFrame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

function measureHeader(doc: Doc, lines: readonly PdfHeaderLine[], width: number): number {
  let height = 0;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size);
    height += doc.heightOfString(line.text, { width }) + 2;
  }
  return height + 8;
}

/** The header block, drawn on every page once the content is laid out. */
function drawHeader(doc: Doc, lines: readonly PdfHeaderLine[], frame: PageFrame): void {
  let y = MARGIN;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size).fillColor(line.colour);
    doc.text(line.text, frame.left, y, { width: frame.width });
    y += doc.heightOfString(line.text, { width: frame.width }) + 2;
  }
  doc
    .moveTo(frame.left, y + 2)
    .lineTo(frame.left + frame.width, y + 2)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
}

function drawFooter(doc: Doc, text: string, frame: PageFrame, page: number, pages: number): void {
  // Writing below the bottom margin would make pdfkit start a new page: lift the margin first.
  doc.page.margins.bottom = 0;
  const y = doc.page.height - MARGIN + 4;
  doc.font(BODY_FONT).fontSize(8).fillColor(MUTED);
  doc.text(text, frame.left, y, {
    width: frame.width / 2,
    lineBreak: false,
  });
  doc.text(`Page ${page} of ${pages}`, frame.left + frame.width / 2, y, {
    width: frame.width / 2,
    align: 'right',
    lineBreak: false,
  });
}

/** Lays content out page by page; never lets pdfkit break a page by itself. */
export class PdfLayout {
  private y: number;

  constructor(
    private readonly doc: Doc,
    private readonly frame: PageFrame,
  ) {
    this.y = frame.top;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  private ensureSpace(height: number): void {
    if (this.y + height > this.frame.bottom && this.y > this.frame.top) this.newPage();
  }

  heading(text: string): void {
    this.ensureSpace(80);
    if (this.y > this.frame.top) this.y += 10;
    const safe = pdfSafeText(text);
    this.doc.font(BOLD_FONT).fontSize(12).fillColor(INK);
    this.doc.text(safe, this.frame.left, this.y, { width: this.frame.width });
    this.y += this.doc.heightOfString(safe, { width: this.frame.width }) + 4;
  }

  paragraph(text: string): void {
    const safe = pdfSafeText(text);
    this.doc.font(BODY_FONT).fontSize(9).fillColor(INK);
    const height = this.doc.heightOfString(safe, { width: this.frame.width });
    this.ensureSpace(height + 4);
    this.doc.text(safe, this.frame.left, this.y, { width: this.frame.width });
    this.y += height + 4;
  }

  /**
   * A block to be filled in by hand, kept whole on one page: a heading, a sentence, then each
   * field's label above a ruled line ("Reviewed by", "Signature" ...), two fields to a row.
   */
  fillInBlock(title: string, statement: string, fields: readonly string[]): void {
    const { doc, frame } = this;
    const safeStatement = pdfSafeText(statement);
    doc.font(BODY_FONT).fontSize(9);
    const statementHeight = doc.heightOfString(safeStatement, { width: frame.width });
    const rowHeight = 34;
    const rows = Math.ceil(fields.length / 2);
    const height = 30 + statementHeight + 8 + rows * rowHeight;
    if (this.y + height > frame.bottom) this.newPage();
    this.heading(title);
    doc.font(BODY_FONT).fontSize(9).fillColor(INK);
    doc.text(safeStatement, frame.left, this.y, { width: frame.width });
    this.y += statementHeight + 8;
    const gap = 24;
    const width = (frame.width - gap) / 2;
    fields.forEach((field, i) => {
      const left = frame.left + (i % 2) * (width + gap);
      const top = this.y + Math.floor(i / 2) * rowHeight;
      doc.font(BODY_FONT).fontSize(8).fillColor(MUTED);
      doc.text(pdfSafeText(field), left, top, { width, lineBreak: false });
      doc
        .moveTo(left, top + 26)
        .lineTo(left + width, top + 26)
        .lineWidth(0.75)
        .strokeColor(INK)
        .stroke();
    });
    this.y += rows * rowHeight + 8;
  }

  /**
   * A table whose rows never split: each row's height is measured (heightOfString) before it is
   * drawn; a row that does not fit goes to the next page, under a repeated header row.
   */
  async table<T>(columns: readonly PdfColumn<T>[], rows: Iterable<T>): Promise<void> {
    const { doc, frame } = this;
    const totalShare = columns.reduce((sum, column) => sum + column.share, 0);
    const widths = columns.map((column) => (column.share / totalShare) * frame.width);
    const lefts = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const headers = columns.map((column) => pdfSafeText(column.header));
    const maxRowHeight = frame.bottom - frame.top - 40;

    const measure = (texts: string[], font: string): number => {
      doc.font(font).fontSize(TABLE_FONT_SIZE);
      let height = 0;
      texts.forEach((text, i) => {
        height = Math.max(
          height,
          doc.heightOfString(text || ' ', { width: widths[i] - 2 * CELL_PAD }),
        );
      });
      return Math.min(maxRowHeight, height + 2 * CELL_PAD);
    };
    const drawRow = (
      texts: string[],
      height: number,
      font: string,
      fill: string | null,
      colours: (string | undefined)[],
    ) => {
      if (fill) doc.rect(frame.left, this.y, frame.width, height).fill(fill);
      doc.font(font).fontSize(TABLE_FONT_SIZE);
      texts.forEach((text, i) => {
        doc.fillColor(colours[i] ?? INK);
        doc.text(text, lefts[i] + CELL_PAD, this.y + CELL_PAD, {
          width: widths[i] - 2 * CELL_PAD,
          height: height - 2 * CELL_PAD,
          ellipsis: true,
          align: columns[i].align ?? 'left',
        });
      });
      doc
        .moveTo(frame.left, this.y + height)
        .lineTo(frame.left + frame.width, this.y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.y += height;
    };
    const headerHeight = measure(headers, BOLD_FONT);
    const drawHeaderRow = () => drawRow(headers, headerHeight, BOLD_FONT, HEADER_FILL, []);

    let first = true;
    let index = 0;
    for (const row of rows) {
      const texts = columns.map((column) => pdfSafeText(column.text(row)));
      const height = measure(texts, BODY_FONT);
      if (first) {
        this.ensureSpace(headerHeight + height);
        drawHeaderRow();
        first = false;
      } else if (this.y + height > frame.bottom) {
        this.newPage();
        drawHeaderRow();
      }
      drawRow(
        texts,
        height,
        BODY_FONT,
        index++ % 2 === 1 ? STRIPE_FILL : null,
        columns.map((column) => column.colour?.(row)),
      );
      // Laying out thousands of rows is synchronous work: let other requests in now and then.
      if (index % ROWS_BETWEEN_YIELDS === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        // pipeline destroys the document when the client hangs up: stop laying out then
        if (doc.destroyed) throw new ClientGoneError();
      }
    }
    if (first) {
      this.ensureSpace(headerHeight);
      drawHeaderRow();
    }
    this.y += 8;
  }
}

/**
 * Writes a document into `out`: `content` lays out the body with a PdfLayout, then every page
 * gets the header block and its "Page n of m" footer. Resolves once `out` has the whole file;
 * rejects when the client hangs up (the document is destroyed) or the content fails.
 */
export async function writePdf(
  pages: PdfPages,
  out: Writable,
  content: (layout: PdfLayout) => Promise<void>,
): Promise<void> {
  const doc = new PDFDocument({
    size: pages.paper === 'a4' ? 'A4' : 'LETTER',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: pages.info,
  });
  const writing = pipeline(doc, out);
  // awaited below; until then a client hanging up must not count as an unhandled rejection
  writing.catch(() => undefined);
  try {
    const header = pages.header.map((line) => ({ ...line, text: pdfSafeText(line.text) }));
    const width = doc.page.width - 2 * MARGIN;
    const headerHeight = measureHeader(doc, header, width);
    const frame: PageFrame = {
      left: MARGIN,
      width,
      top: MARGIN + headerHeight + 6,
      bottom: doc.page.height - MARGIN - FOOTER_GAP,
    };
    await content(new PdfLayout(doc, frame));

    const footer = pdfSafeText(pages.footer);
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      drawHeader(doc, header, frame);
      drawFooter(doc, footer, frame, i + 1, range.count);
    }
    doc.end();
  } catch (error) {
    doc.destroy(error as Error);
  }
  await writing;
}
