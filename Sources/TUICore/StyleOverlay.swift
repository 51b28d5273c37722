extension Style {
    /// This style with `top` laid over it: `top`'s non-default colours win
    /// and the attributes of both are combined (e.g. a selection highlight).
    public func overlaid(by top: Style) -> Style {
        Style(
            fg: top.fg == .default ? fg : top.fg,
            bg: top.bg == .default ? bg : top.bg,
            attributes: attributes.union(top.attributes)
        )
    }
}
