#!/usr/bin/python3
"""Convert the Fandol OpenType/CFF fonts to TrueType (glyf) outlines for fonts/.

Run once by a maintainer (the .ttf files are committed):

    cd /tmp && apt-get download texlive-lang-chinese && dpkg -x texlive-lang-chinese_*.deb x
    /usr/bin/python3 scripts/convert-fonts.py /tmp/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol fonts

Needs Debian's python3-fonttools (4.38). Cubic CFF curves become quadratic TrueType
curves with cu2qu (max error 1 font unit of 1000, 3 for the body face FandolFang); the CFF/VORG tables are dropped,
glyf/loca are built, maxp becomes version 1.0 with its TrueType fields recomputed,
post becomes format 3 (no glyph names: a CID-keyed font has none worth keeping) and
head.glyphDataFormat 0. Every glyph is then checked: the TrueType outline's
bounding box must match the CFF outline's within twice the tolerance, and the file is re-read.
"""
import os
import sys

from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.boundsPen import BoundsPen

FACES = [
    "FandolSong-Regular",
    "FandolSong-Bold",
    "FandolFang-Regular",
    "FandolHei-Regular",
    "FandolKai-Regular",
]
MAX_ERR = 1.0  # font units
# The body face is most of every PDF's bytes (about 500 distinct characters per report):
# a 3-unit tolerance (0.05 pt at 16 pt, far below a printer dot) makes its outlines
# about 6 % smaller, which keeps the example report's PDF under 250 KB.
MAX_ERR_BY_FACE = {"FandolFang-Regular": 3.0}
REVERSE_DIRECTION = True  # CFF contours run counter-clockwise, TrueType clockwise


def convert(src, dst, max_err):
    font = TTFont(src)
    assert "CFF " in font, f"{src}: not a CFF OpenType font"
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=REVERSE_DIRECTION))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    # TrueType places the outline so that xMin lands at the hmtx left side bearing;
    # the CFF lsb values need not equal the new (control-box) xMin, so set them anew
    # or every glyph would be shifted sideways.
    hmtx = font["hmtx"]
    for name in order:
        g = glyf.glyphs[name]
        g.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, g.xMin if g.numberOfContours else 0)

    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # maxPoints, maxContours, maxComponent* are recomputed by maxp.recalc() on save.

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None

    head = font["head"]
    head.glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)
    return order, glyph_set


def verify(src, dst, max_err):
    a = TTFont(src)
    b = TTFont(dst)
    assert b.sfntVersion == "\x00\x01\x00\x00" and "glyf" in b and "CFF " not in b
    assert b["maxp"].numGlyphs == a["maxp"].numGlyphs
    ida = {u: a.getGlyphID(g) for u, g in a.getBestCmap().items()}
    idb = {u: b.getGlyphID(g) for u, g in b.getBestCmap().items()}
    assert ida == idb, f"{dst}: cmap differs"
    ga, gb = a.getGlyphSet(), b.getGlyphSet()
    order_a, order_b = a.getGlyphOrder(), b.getGlyphOrder()
    worst = 0.0
    for i, name in enumerate(order_a):
        pa, pb = BoundsPen(ga), BoundsPen(gb)
        ga[name].draw(pa)
        gb[order_b[i]].draw(pb)
        if pa.bounds is None or pb.bounds is None:
            assert pa.bounds == pb.bounds, f"{dst}: glyph {i} empty in one font only"
            continue
        d = max(abs(x - y) for x, y in zip(pa.bounds, pb.bounds))
        worst = max(worst, d)
        assert d <= 2 * max_err, f"{dst}: glyph {i} bbox {pa.bounds} vs {pb.bounds}"
        assert ga[name].width == gb[order_b[i]].width
    return len(order_a), worst


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-fonts.py FANDOL_OTF_DIR OUT_DIR")
    src_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for face in FACES:
        src = os.path.join(src_dir, face + ".otf")
        dst = os.path.join(out_dir, face + ".ttf")
        max_err = MAX_ERR_BY_FACE.get(face, MAX_ERR)
        convert(src, dst, max_err)
        n, worst = verify(src, dst, max_err)
        print(f"{face}: {os.path.getsize(src)} -> {os.path.getsize(dst)} bytes, "
              f"{n} glyphs, max bbox deviation {worst:.1f} units")


if __name__ == "__main__":
    main()
