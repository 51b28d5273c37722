/// The texts of the built-in themes, compiled in so the binary works outside
/// the repository. Each is byte for byte the file `themes/<name>.theme`; a
/// test keeps them equal.
enum BuiltInThemeTexts {
    /// `themes/default.theme`.
    static let defaultText = """
    # Flightdeck default theme: dark, in the spirit of Catppuccin Mocha.
    # Format: one `key = value` per line; values are #RRGGBB, #RGB, a colour
    # name (red, bright_red, default, ...) or a palette index 0-255.
    # Every role key is listed in themes/README.md.
    name = default

    # Surfaces and text
    background = #1e1e2e
    text = #cdd6f4
    muted = #7f849c
    accent = #89b4fa
    border = #585b70
    title = #b4befe
    header = #181825
    header_text = #bac2de
    selection_fg = #1e1e2e
    selection_bg = #89b4fa

    # Status
    ok = #a6e3a1
    warn = #f9e2af
    critical = #f38ba8
    info = #89dceb

    # Charts: axis, gradient from low to high, threshold lines
    chart_axis = #6c7086
    chart_gradient_1 = #74c7ec
    chart_gradient_2 = #89b4fa
    chart_gradient_3 = #b4befe
    chart_gradient_4 = #cba6f7
    threshold = #fab387

    # Model versions in traffic bars (version_1 is the first version shown)
    version_1 = #89b4fa
    version_2 = #fab387
    version_3 = #a6e3a1
    version_4 = #cba6f7
    version_5 = #f9e2af
    version_6 = #94e2d5
    version_7 = #f5c2e7
    version_8 = #eba0ac

    """

    /// `themes/light.theme`.
    static let lightText = """
    # Flightdeck light theme, in the spirit of Catppuccin Latte.
    # For light terminal backgrounds. Role keys: see themes/README.md.
    name = light

    # Surfaces and text
    background = #eff1f5
    text = #4c4f69
    muted = #8c8fa1
    accent = #1e66f5
    border = #acb0be
    title = #8839ef
    header = #dce0e8
    header_text = #4c4f69
    selection_fg = #eff1f5
    selection_bg = #1e66f5

    # Status
    ok = #40a02b
    warn = #df8e1d
    critical = #d20f39
    info = #209fb5

    # Charts: axis, gradient from low to high, threshold lines
    chart_axis = #9ca0b0
    chart_gradient_1 = #209fb5
    chart_gradient_2 = #1e66f5
    chart_gradient_3 = #7287fd
    chart_gradient_4 = #8839ef
    threshold = #fe640b

    # Model versions in traffic bars
    version_1 = #1e66f5
    version_2 = #fe640b
    version_3 = #40a02b
    version_4 = #8839ef
    version_5 = #df8e1d
    version_6 = #179299
    version_7 = #ea76cb
    version_8 = #e64553

    """

    /// `themes/high-contrast.theme`.
    static let highContrastText = """
    # Flightdeck high-contrast theme: pure black background, white text and
    # fully saturated status colours. Role keys: see themes/README.md.
    name = high-contrast

    # Surfaces and text
    background = #000000
    text = #ffffff
    muted = #d0d0d0
    accent = #00ffff
    border = #ffffff
    title = #ffff00
    header = #ffffff
    header_text = #000000
    selection_fg = #000000
    selection_bg = #ffff00

    # Status
    ok = #00ff00
    warn = #ffff00
    critical = #ff0000
    info = #00ffff

    # Charts: axis, gradient from low to high, threshold lines
    chart_axis = #ffffff
    chart_gradient_1 = #00ffff
    chart_gradient_2 = #00ff00
    chart_gradient_3 = #ffff00
    chart_gradient_4 = #ff00ff
    threshold = #ff8000

    # Model versions in traffic bars
    version_1 = #00ffff
    version_2 = #ffff00
    version_3 = #00ff00
    version_4 = #ff00ff
    version_5 = #ffffff
    version_6 = #8080ff
    version_7 = #ff8080
    version_8 = #80ff80

    """

    /// `themes/mono.theme`.
    static let monoText = """
    # Flightdeck monochrome theme: no colours at all, meaning is carried by
    # attributes only (what NO_COLOR or --no-color also give you):
    #   selection = reverse, header = underline, title, accent, warn and
    #   threshold = bold,
    #   critical = bold + underline, muted/chart axis = dim,
    #   traffic bar versions cycle plain, bold, underline, reverse.
    # Colour keys are ignored while `monochrome = true`.
    name = mono
    monochrome = true

    """
}
