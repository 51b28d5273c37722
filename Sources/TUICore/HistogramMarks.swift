/// The glyphs an `OverlaidHistogram` draws with, chosen so the reference,
/// the current distribution and their overlap stay distinguishable without
/// colour.
///
/// A glyph set with dedicated block glyphs (its vertical levels differ from
/// its density ramp, e.g. `.unicode`) draws the current distribution in
/// eighths of a cell (`▁`...`█`), the reference as `shade` (`░`) in whole
/// cells and the overlap as the second-heaviest ramp glyph (`▓`). A set
/// without them (levels equal to the ramp, e.g. `.ascii` `.:-=+*#@`) draws
/// everything in whole cells: reference `:`, current `#`, overlap `@` (ramp
/// positions 2, n-2 and n-1).
struct HistogramMarks: Sendable {
    let reference: Unicode.Scalar
    let overlap: Unicode.Scalar
    /// Levels of the current bar from empty to full; two entries (empty,
    /// full) when only whole cells are possible.
    let currentLevels: [Unicode.Scalar]

    init(glyphs: GlyphSet) {
        let ramp = glyphs.ramp.count >= 3 ? glyphs.ramp : [" ", ":", "#"]
        let n = ramp.count
        if glyphs.verticalLevels != glyphs.ramp, glyphs.verticalLevels.count >= 2 {
            reference = glyphs.shade
            overlap = ramp[n - 2]
            currentLevels = glyphs.verticalLevels
        } else {
            reference = ramp[min(2, n - 2)]
            overlap = ramp[n - 1]
            currentLevels = [" ", ramp[n - 2]]
        }
    }

    /// Steps per cell of the current bar (8 for eighths, 1 for whole cells).
    var stepsPerCell: Int { currentLevels.count - 1 }
}
