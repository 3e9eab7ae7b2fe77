/**
 * Word refuses documents whose property elements are out of the order ECMA-376 prescribes (LibreOffice
 * does not mind, so the round trip cannot catch it). Check every pPr, rPr, tblPr, trPr, tcPr and
 * sectPr the writer emits against the schema sequences.
 */
import { sampleTree } from './fixtures';
import { all, render } from './helpers';

const SEQUENCES: Record<string, string[]> = {
  // CT_PPrBase (+ rPr, sectPr of CT_PPr)
  pPr: 'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange'.split(' '),
  // EG_RPrBase
  rPr: 'rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath'.split(' '),
  tblPr: 'tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription'.split(' '),
  tcPr: 'cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark'.split(' '),
  sectPr: 'headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings'.split(' '),
  tblBorders: 'top left start bottom right end insideH insideV'.split(' '),
  tblCellMar: 'top left start bottom right end'.split(' '),
  style: 'name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr'.split(' '),
  settings: 'writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator'.split(' '),
};

/** Names of the direct children of each `<w:NAME>…</w:NAME>` element (no nesting of the same name). */
function childLists(xml: string, name: string): string[][] {
  return all(new RegExp(`<w:${name}(?: [^>]*)?>(.*?)</w:${name}>`, 's'), xml).map((el) => {
    const inner = el.replace(new RegExp(`^<w:${name}(?: [^>]*)?>`), '').replace(new RegExp(`</w:${name}>$`), '');
    const names: string[] = [];
    let depth = 0;
    for (const m of inner.matchAll(/<(\/?)w:([A-Za-z]+)[^>]*?(\/?)>/g)) {
      if (m[1]) depth--;
      else {
        if (depth === 0) names.push(m[2]);
        if (!m[3]) depth++;
      }
    }
    return names;
  });
}

describe('element order', () => {
  it('follows the ECMA-376 sequences in every part', async () => {
    const pkg = await render(sampleTree());
    const parts = pkg.files.filter((f) => f.startsWith('word/') && f.endsWith('.xml')).map((f) => pkg.part(f));
    let checked = 0;
    for (const xml of parts) {
      for (const [name, order] of Object.entries(SEQUENCES)) {
        for (const children of childLists(xml, name)) {
          const positions = children.map((c) => order.indexOf(c));
          expect({ name, children, unknown: children.filter((_, i) => positions[i] < 0) }).toEqual({ name, children, unknown: [] });
          for (let i = 1; i < positions.length; i++) {
            if (positions[i] < positions[i - 1] || (positions[i] === positions[i - 1] && !['headerReference', 'footerReference'].includes(children[i]))) {
              throw new Error(`<w:${name}>: <w:${children[i]}> after <w:${children[i - 1]}> in ${children.join(', ')}`);
            }
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
